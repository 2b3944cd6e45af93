export const DEFAULT_DATABASE_URL = "file:./data/parley.db";

// Turns a `file:` DATABASE_URL into the path better-sqlite3 opens (relative to the working directory).
export function sqliteFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  }
  const file = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  if (file.length === 0) throw new Error("DATABASE_URL names no file");
  return file;
}
