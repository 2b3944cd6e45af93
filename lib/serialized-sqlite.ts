import "server-only";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

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

function serialized(adapter: Adapter): Adapter {
  const nextTurn = createTurns();
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

/** The adapter factory, handing out connections whose transactions are isolated from other queries. */
export function withSerializedConnection(factory: Factory): Pick<Factory, "provider" | "adapterName" | "connect"> {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialized(await factory.connect()),
  };
}
