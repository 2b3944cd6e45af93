// The app's one Prisma client shares one SQLite connection between every request. A transaction
// that is waiting on something must not swallow, or be seen by, work done meanwhile outside it.
// (lib/ code on this file's own database: tests/support/isolated-app-env.ts.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ownDatabaseFile, withDatabase } from "../support/database";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newUser = (email: string) => ({ email, name: email, passwordHash: "x" });

describe("the shared database connection", () => {
  it("keeps a write made outside a transaction when that transaction rolls back", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: newUser("inside@example.org") });
        await pause(100);
        throw new Error("rolled back on purpose");
      })
      .catch((error: unknown) => error);
    await pause(20);
    // Someone else's request, answered as done while the transaction above is still open.
    await db.user.create({ data: newUser("outside@example.org") });
    expect(await failing).toEqual(new Error("rolled back on purpose"));

    const emails = withDatabase(
      (stored) => stored.prepare(`SELECT "email" FROM "User" ORDER BY "email"`).all() as { email: string }[],
      ownDatabaseFile(),
    ).map(({ email }) => email);
    expect(emails).toEqual(["outside@example.org"]);
  });

  it("does not let a read outside a transaction see that transaction's uncommitted rows", async () => {
    let seenOutside: number | null = null;
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: newUser("uncommitted@example.org") });
        await pause(100);
        throw new Error("rolled back on purpose");
      })
      .catch(() => undefined);
    await pause(20);
    seenOutside = await db.user.count({ where: { email: "uncommitted@example.org" } });
    await failing;
    expect(seenOutside).toBe(0);
  });
});
