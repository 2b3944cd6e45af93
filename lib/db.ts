import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { withSerializedConnection } from "./serialized-sqlite";
import { sqliteFileFromUrl } from "./sqlite-url";

const BUSY_TIMEOUT_MS = 5000;
// Transactions take turns on the one connection (./serialized-sqlite.ts), so one may queue behind
// others while the machine is busy. Prisma's defaults (2 s to start, 5 s to finish) then abort
// sound work, e.g. a link revoked under load answered 500; these leave room for a busy server.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

// WAL lets readers proceed while one writer commits. The mode is stored in the database file,
// so it is set once, before Prisma opens the file (the adapter offers no per-connection hook).
function enableWriteAheadLog(file: string): void {
  const connection = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    connection.pragma("journal_mode = WAL");
  } finally {
    connection.close();
  }
}

function createClient(): PrismaClient {
  const file = sqliteFileFromUrl(env().DATABASE_URL);
  enableWriteAheadLog(file);
  return new PrismaClient({
    adapter: withSerializedConnection(new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS })),
    transactionOptions: TRANSACTION_OPTIONS,
  });
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

/** The write failed because a unique column (an email, a room code, a webhook id) already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
