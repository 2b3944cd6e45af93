import "server-only";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";

// Prisma's better-sqlite3 adapter runs every query on one connection. It makes transactions wait
// for each other, but not plain queries: a query from another request that arrives while a
// transaction awaits runs inside that transaction. It then sees uncommitted rows, and if the
// transaction rolls back, its write is undone although it was answered as done. Here every query
// and every transaction takes the same turn, so a transaction has the connection to itself.
// (Requests still overlap everywhere else; each SQLite statement is synchronous anyway.)

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come, first-served lock: resolves to the function that lets the next one in. */
function createTurns(): () => Promise<() => void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const turn = last.then(() => release);
    last = last.then(() => done);
    return turn;
  };
}

/**
 * Runs `work` on the connection in a turn of its own, as a query through Prisma would run: never
 * inside another request's transaction. `work` is synchronous (better-sqlite3 is), so the turn
 * is held only while it runs. Not for use inside a Prisma transaction, whose turn it would wait for.
 */
export type DirectAccess = <T>(work: (sqlite: Database.Database) => T) => Promise<T>;

// The adapter keeps its better-sqlite3 connection in `client` (not part of Prisma's adapter type).
function connectionOf(adapter: Adapter): Database.Database {
  const client = (adapter as unknown as { client?: Database.Database }).client;
  if (typeof client?.prepare !== "function") {
    throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`.");
  }
  return client;
}

// The adapter begins a transaction with a plain (deferred) BEGIN: its first read takes a snapshot,
// and if another process (a second app on the same file, a backup, a script) commits before its
// first write, SQLite answers SQLITE_BUSY at once, with no waiting: "first read, then write" (is
// this the first account? then insert) failed as a 500 under load. BEGIN IMMEDIATE takes the write
// lock first, waiting its busy timeout for it; within this process transactions take turns anyway.
function beginningImmediately(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof prepare;
}

function serialized(adapter: Adapter, onConnect?: (direct: DirectAccess) => void): Adapter {
  const nextTurn = createTurns();
  const sqlite = connectionOf(adapter);
  beginningImmediately(sqlite);
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await nextTurn();
    try {
      return await work();
    } finally {
      release();
    }
  };

  const holdingTurn = (transaction: Transaction, release: () => void): Transaction => {
    let released = false;
    const end = async (finish: () => Promise<void>) => {
      try {
        await finish();
      } finally {
        if (!released) {
          released = true;
          release();
        }
      }
    };
    return {
      provider: transaction.provider,
      adapterName: transaction.adapterName,
      options: transaction.options,
      queryRaw: (query) => transaction.queryRaw(query),
      executeRaw: (query) => transaction.executeRaw(query),
      commit: () => end(() => transaction.commit()),
      rollback: () => end(() => transaction.rollback()),
    };
  };

  if (onConnect) {
    onConnect((work) => alone(async () => work(sqlite)));
  }

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => alone(() => adapter.queryRaw(query)),
    executeRaw: (query) => alone(() => adapter.executeRaw(query)),
    executeScript: (script) => alone(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => alone(() => adapter.dispose()),
    async startTransaction(isolationLevel) {
      const release = await nextTurn();
      try {
        return holdingTurn(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/**
 * The adapter factory, handing out connections whose transactions are isolated from other
 * queries. `onConnect` is given each connection's direct access, for prepared statements
 * (lib/db.ts) that take their turns with Prisma's queries.
 */
export function withSerializedConnection(
  factory: Factory,
  onConnect?: (direct: DirectAccess) => void,
): Pick<Factory, "provider" | "adapterName" | "connect"> {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialized(await factory.connect(), onConnect),
  };
}
