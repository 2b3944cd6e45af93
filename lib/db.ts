import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { randomBytes } from "node:crypto";
import { withSerializedConnection, type DirectAccess } from "./serialized-sqlite";
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
    adapter: withSerializedConnection(
      new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS }),
      (direct) => (holder.parleyDirect = direct),
    ),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

// One client per process, also across Next.js dev-mode module reloads. Created on first use,
// so importing this module (as `next build` does) needs no configuration.
const holder = globalThis as unknown as { parleyPrisma?: PrismaClient; parleyDirect?: DirectAccess };

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

// Prepared statements, for the few lookups every request makes (the session's user, the room, where
// the caller stands in it). Prisma 6's JavaScript engine compiles each query to a plan on every
// call, with no plan cache: about 0.5-1 ms of CPU per query, several times what SQLite takes to
// run it (docs/benchmarks.md, token endpoint). These run on Prisma's own connection, taking their
// turns with its queries and transactions (./serialized-sqlite.ts), so they see exactly what
// Prisma sees. Each maps its row to the same type as the Prisma query it replaces, and
// tests/integration/prepared-statements.test.ts checks that both return the same.

/** A value as SQLite hands it back (integers as numbers: these statements do not use BigInt). */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

async function directAccess(): Promise<DirectAccess> {
  if (!holder.parleyDirect) await client().$connect();
  return holder.parleyDirect!;
}

/** Runs `work` with `source` prepared once per connection, in a turn of its own. */
function onPrepared<Args extends SqlValue[]>(source: string) {
  let prepared: { sqlite: object; statement: Database.Statement<Args> } | undefined;
  return async <T>(work: (statement: Database.Statement<Args>) => T): Promise<T> =>
    (await directAccess())((sqlite) => {
      if (prepared?.sqlite !== sqlite) {
        // The adapter's connection returns BigInts by default; these columns fit in a number.
        prepared = { sqlite, statement: sqlite.prepare<Args>(source).safeIntegers(false) };
      }
      return work(prepared.statement);
    });
}

/** A prepared query; `toRow` turns SQLite's row into the typed result. */
export function preparedStatement<Args extends SqlValue[], Row>(source: string, toRow: (row: SqlRow) => Row) {
  const run = onPrepared<Args>(source);
  return {
    /** The first row, or null. */
    get: (...args: Args): Promise<Row | null> =>
      run((statement) => {
        const row = statement.get(...args) as SqlRow | undefined;
        return row ? toRow(row) : null;
      }),
    all: (...args: Args): Promise<Row[]> => run((statement) => (statement.all(...args) as SqlRow[]).map(toRow)),
  };
}

/** A prepared write; `run` resolves to how many rows it changed. */
export function preparedWrite<Args extends SqlValue[]>(source: string) {
  const run = onPrepared<Args>(source);
  return { run: (...args: Args): Promise<number> => run((statement) => statement.run(...args).changes) };
}

// Reading columns as Prisma's SQLite adapter writes them.
export const sql = {
  text(value: SqlValue | undefined): string {
    if (typeof value !== "string") throw new TypeError(`expected text from the database, got ${typeof value}`);
    return value;
  },
  textOrNull: (value: SqlValue | undefined): string | null => (value === null ? null : sql.text(value)),
  int(value: SqlValue | undefined): number {
    if (typeof value !== "number") throw new TypeError(`expected a number from the database, got ${typeof value}`);
    return value;
  },
  intOrNull: (value: SqlValue | undefined): number | null => (value === null ? null : sql.int(value)),
  boolean: (value: SqlValue | undefined): boolean => sql.int(value) !== 0,
  /** DateTime columns: ISO 8601 text ("+00:00"), or milliseconds since 1970 for unixepoch-ms. */
  date(value: SqlValue | undefined): Date {
    if (value === null || value === undefined) throw new TypeError(`expected a date from the database, got ${value}`);
    return new Date(value);
  },
  dateOrNull: (value: SqlValue | undefined): Date | null => (value === null ? null : sql.date(value)),
  /** An enum column: one of `allowed`, or the row is not what this code was written for. */
  oneOf<const T extends string>(value: SqlValue | undefined, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) throw new TypeError(`unexpected value ${String(value)} from the database`);
    return value as T;
  },
  /** A DateTime parameter, written as Prisma's adapter writes it, so text comparisons keep their order. */
  dateParameter: (date: Date): string => date.toISOString().replace("Z", "+00:00"),
};

let idCounter = 0;

/**
 * A new row id of the shape Prisma's `@default(cuid())` gives (c, time, counter, randomness; 25
 * characters), for rows inserted by a prepared statement.
 */
export function newRowId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = [...randomBytes(12)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${random}`;
}
