// Accounts through lib/ on a database of this file's own (tests/support/isolated-app-env.ts).
import { describe, expect, it, vi } from "vitest";
import { authenticate, createAccount } from "@/lib/accounts/accounts";
import { ownDatabaseFile, withDatabase } from "../support/database";
import { TEST_PASSWORD } from "../support/factories";

// Before any lib/ code reads the environment.
vi.stubEnv("ADMIN_EMAILS", "Chief@Example.org");

const person = (name: string, email: string) => ({ name, email, password: TEST_PASSWORD });

describe("accounts in a fresh database", () => {
  it("make the first account an admin, later ones members, and ADMIN_EMAILS admins", async () => {
    const first = await createAccount(person("First", "first@example.org"));
    const second = await createAccount(person("Second", "second@example.org"));
    const chief = await createAccount(person("Chief", "chief@example.org"));
    expect([first.role, second.role, chief.role]).toEqual(["ADMIN", "MEMBER", "ADMIN"]);
  });

  it("store an argon2id hash, never the password", async () => {
    await createAccount(person("Hash", "hash@example.org"));
    const row = withDatabase(
      (database) =>
        database.prepare(`SELECT "passwordHash" FROM "User" WHERE "email" = ?`).get("hash@example.org") as {
          passwordHash: string;
        },
      ownDatabaseFile(),
    );
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("authenticate only the right password", async () => {
    await createAccount(person("Auth", "auth@example.org"));
    expect(await authenticate("auth@example.org", TEST_PASSWORD)).toMatchObject({ email: "auth@example.org" });
    expect(await authenticate("auth@example.org", "wrong horse battery")).toBeNull();
    expect(await authenticate("ghost@example.org", TEST_PASSWORD)).toBeNull();
  });

  it("refuse a second account with the same email with 409", async () => {
    await createAccount(person("Once", "once@example.org"));
    await expect(createAccount(person("Twice", "once@example.org"))).rejects.toMatchObject({
      status: 409,
      code: "email_taken",
    });
  });
});
