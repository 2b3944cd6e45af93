import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { stack } from "../support/stack";

describe("the app's database", () => {
  it("runs in WAL mode once the app has used it", async () => {
    expect((await fetch(`${stack.appUrl}/api/health`)).status).toBe(200);
    const database = new Database(process.env.PARLEY_TEST_DATABASE_FILE!, { readonly: true });
    try {
      expect(database.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      database.close();
    }
  });
});
