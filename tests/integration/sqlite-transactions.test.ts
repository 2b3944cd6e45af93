// Several processes write to one SQLite file: the app beside a second instance of itself (the test
// stack runs three on one database), a backup, a script. A transaction of the app that first reads
// and then writes must wait for another process's write, not be refused because of it
// (lib/serialized-sqlite.ts: transactions begin IMMEDIATE).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ownDatabaseFile, withDatabase } from "../support/database";

const TABLE = "WrittenByAnotherProcess";

/** Another process inserts a row into TABLE; `writing` resolves just before its insert runs. */
function writeFromAnotherProcess(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const database = new Database(process.argv[1], { timeout: 10000 });
    process.stdout.write("writing\\n");
    database.prepare('INSERT INTO "${TABLE}" ("at") VALUES (?)').run(Date.now());
    database.close();
  `;
  const child = spawn(process.execPath, ["-e", script, file], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const writing = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  const exited = once(child, "exit").then(([code]) => ({ code: code as number | null, stderr }));
  return { writing, exited };
}

describe("a transaction beside another process writing to the same file", () => {
  it("reads, lets the other process try to write, writes, and both writes are kept", async () => {
    const file = ownDatabaseFile();
    withDatabase((database) => database.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" ("at" INTEGER)`), file);
    const email = `reader-writer-${Date.now()}@example.org`;

    let other: ReturnType<typeof writeFromAnotherProcess> | undefined;
    const created = await db.$transaction(async (tx) => {
      const before = await tx.user.count();
      other = writeFromAnotherProcess(file);
      await other.writing;
      // Time for its insert to commit, had this transaction left the file open to writers.
      await sleep(500);
      const user = await tx.user.create({ data: { name: "Reader then writer", email } });
      return { before, user };
    });

    expect(await other?.exited).toEqual({ code: 0, stderr: "" });
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(created.user.email).toBe(email);
    expect(withDatabase((database) => database.prepare(`SELECT COUNT(*) AS n FROM "${TABLE}"`).get(), file)).toEqual({
      n: 1,
    });
  });
});
