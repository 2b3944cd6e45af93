// npm run db:backup -- <file>
// Copies Parley's SQLite database (DATABASE_URL, default ./data/parley.db) into <file> while the
// app keeps running. How to restore a copy: README.md, "Backups".
import { DEFAULT_DATABASE_URL, sqliteFileFromUrl } from "../lib/sqlite-url";
import { backupSqlite } from "./lib/sqlite-backup";

const target = process.argv[2];
if (!target) {
  console.error(
    "Usage: npm run db:backup -- <file>   (copies the database named by DATABASE_URL, default ./data/parley.db)",
  );
  process.exit(1);
}

try {
  const source = sqliteFileFromUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const started = performance.now();
  const { bytes, tables } = backupSqlite(source, target);
  const rows = Object.entries(tables)
    .filter(([name]) => !name.startsWith("_"))
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
  console.log(
    `Backed up ${source} to ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms): ${rows}`,
  );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
