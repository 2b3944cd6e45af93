import { describe, expect, it } from "vitest";
import { withDatabase } from "../support/database";
import { stack } from "../support/stack";

describe("the app's database", () => {
  it("runs in WAL mode once the app has used it", async () => {
    expect((await fetch(`${stack.appUrl}/api/health`)).status).toBe(200);
    expect(withDatabase((database) => database.pragma("journal_mode", { simple: true }))).toBe("wal");
  });
});
