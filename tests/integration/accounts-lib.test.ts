import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prepareIsolatedAppEnv } from "../support/isolated-app-env";

const { databaseFile } = prepareIsolatedAppEnv({ ADMIN_EMAILS: "Chief@Example.org" });
const { createAccount, authenticate } = await import("@/lib/accounts/accounts");

const person = (name: string, email: string) => ({ name, email, password: "correct horse battery" });

describe("accounts in a fresh database", () => {
  it("make the first account an admin, later ones members, and ADMIN_EMAILS admins", async () => {
    const first = await createAccount(person("First", "first@example.org"));
    const second = await createAccount(person("Second", "second@example.org"));
    const chief = await createAccount(person("Chief", "chief@example.org"));
    expect([first.role, second.role, chief.role]).toEqual(["ADMIN", "MEMBER", "ADMIN"]);
  });

  it("store an argon2id hash, never the password", async () => {
    await createAccount(person("Hash", "hash@example.org"));
    const database = new Database(databaseFile, { readonly: true });
    const row = database.prepare(`SELECT "passwordHash" FROM "User" WHERE "email" = ?`).get("hash@example.org") as { passwordHash: string };
    database.close();
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain("correct horse");
  });

  it("authenticate only the right password", async () => {
    await createAccount(person("Auth", "auth@example.org"));
    expect(await authenticate("auth@example.org", "correct horse battery")).toMatchObject({ email: "auth@example.org" });
    expect(await authenticate("auth@example.org", "wrong horse battery")).toBeNull();
    expect(await authenticate("ghost@example.org", "correct horse battery")).toBeNull();
  });

  it("refuse a second account with the same email with 409", async () => {
    await createAccount(person("Once", "once@example.org"));
    await expect(createAccount(person("Twice", "once@example.org"))).rejects.toMatchObject({ status: 409, code: "email_taken" });
  });
});
