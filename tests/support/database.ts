// Reading the running app's SQLite file directly, to see what a request did (or did not) change.
import Database from "better-sqlite3";

export function withDatabase<T>(work: (database: Database.Database) => T): T {
  const database = new Database(process.env.PARLEY_TEST_DATABASE_FILE!);
  try {
    return work(database);
  } finally {
    database.close();
  }
}
