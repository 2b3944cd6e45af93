// An online copy of the SQLite database, safe while Parley runs and writes to it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// As long as the app waits for a lock (lib/db.ts): a checkpoint may hold one for a moment.
const BUSY_TIMEOUT_MS = 5000;

export type BackupSummary = { file: string; bytes: number; tables: Record<string, number> };

/**
 * Copies the database at `source` into a new file `target` with `VACUUM INTO`. It runs in one
 * read transaction, so the copy is the database as committed when the backup began: everything
 * written before is in it, nothing half-written is. In WAL mode readers never block the app's
 * writes, and the copy is compact and needs no -wal file beside it. It is written under a
 * temporary name and renamed when complete, so `target` is never a partial file.
 */
export function backupSqlite(source: string, target: string): BackupSummary {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  if (existsSync(target))
    throw new Error(`${target} already exists; choose a new file name (a backup never overwrites one).`);
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial-${randomBytes(4).toString("hex")}`;
  const database = new Database(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    database.prepare("VACUUM INTO ?").run(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    database.close();
  }
  const summary = checkBackup(partial);
  renameSync(partial, target);
  return { ...summary, file: target };
}

/** Opens a backup, checks that SQLite finds it sound, and counts each table's rows. */
export function checkBackup(file: string): BackupSummary {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const verdict = database.pragma("integrity_check", { simple: true });
    if (verdict !== "ok") throw new Error(`The copy at ${file} is damaged: ${String(verdict)}`);
    const names = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const tables = Object.fromEntries(
      names.map((name) => [
        name,
        database
          .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
          .pluck()
          .get() as number,
      ]),
    );
    const pages = database.pragma("page_count", { simple: true }) as number;
    const pageSize = database.pragma("page_size", { simple: true }) as number;
    return { file, bytes: pages * pageSize, tables };
  } finally {
    database.close();
  }
}
