import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { sqliteFileFromUrl } from "./sqlite-url";

const BUSY_TIMEOUT_MS = 5000;

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSQLite3({
    url: sqliteFileFromUrl(env().DATABASE_URL),
    timeout: BUSY_TIMEOUT_MS,
  });
  const client = new PrismaClient({ adapter });
  // WAL lets readers proceed while one writer commits; it is stored in the file, so setting
  // it once per process is enough.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  return client;
}

// One client per process, also across Next.js dev-mode module reloads. Created on first use,
// so importing this module (as `next build` does) needs no configuration.
const holder = globalThis as unknown as { parleyPrisma?: PrismaClient };

function client(): PrismaClient {
  return (holder.parleyPrisma ??= createClient());
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value: unknown = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});
