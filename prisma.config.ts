import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL, sqliteFileFromUrl } from "./lib/sqlite-url";

// The JavaScript schema engine with the better-sqlite3 adapter: no native Prisma binary is
// needed (Prisma's native engine downloads are unreachable on our build machines).
// The schema's datasource reads DATABASE_URL; without it the CLI cannot read the schema and
// falls back to downloading a native engine, so the embedded default is set here.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const file = sqliteFileFromUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
    // Even `migrate diff` opens the database; on a fresh clone its folder does not exist yet.
    mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});
