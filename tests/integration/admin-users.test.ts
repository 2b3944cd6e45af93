// Who may stop being an administrator, through lib/ on a database of this file's own
// (tests/support/isolated-app-env.ts): the shared test database holds several admins (its first
// account and ADMIN_EMAILS), so "the last admin" needs a known count.
import { beforeEach, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { changeUser } from "@/lib/admin/users";
import { db } from "@/lib/db";
import { newPerson } from "../support/factories";

const account = (label: string) => createAccount(newPerson(label));
const workingAdmins = () => db.user.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { id: true } });

// Every test starts from an empty database, so its first account is the only admin.
beforeEach(async () => {
  await db.user.deleteMany();
});

describe("the last administrator", () => {
  it("cannot be demoted: 409 last_admin, and nothing changes", async () => {
    const only = await account("Only");
    expect(only.role).toBe("ADMIN");
    await expect(changeUser(only, only.id, { role: "MEMBER" })).rejects.toMatchObject({
      status: 409,
      code: "last_admin",
    });
    expect(await workingAdmins()).toEqual([{ id: only.id }]);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("counts only working admins: a disabled one is no stand-in", async () => {
    const first = await account("First");
    const second = await account("Second");
    await changeUser(first, second.id, { role: "ADMIN" });
    await changeUser(first, second.id, { disabled: true });
    await expect(changeUser(first, first.id, { role: "MEMBER" })).rejects.toMatchObject({
      status: 409,
      code: "last_admin",
    });
    expect(await workingAdmins()).toEqual([{ id: first.id }]);
  });

  it("may step down once someone else is an admin", async () => {
    const first = await account("First");
    const second = await account("Second");
    await changeUser(first, second.id, { role: "ADMIN" });
    await expect(changeUser(first, first.id, { role: "MEMBER" })).resolves.toMatchObject({ role: "MEMBER" });
    expect(await workingAdmins()).toEqual([{ id: second.id }]);
    expect((await db.auditEntry.findMany({ select: { action: true } })).map((entry) => entry.action).sort()).toEqual([
      "user.demote",
      "user.promote",
    ]);
  });

  it("survives two admins demoting each other at the same moment: one of them stays", async () => {
    const first = await account("First");
    const second = await account("Second");
    await changeUser(first, second.id, { role: "ADMIN" });
    const results = await Promise.allSettled([
      changeUser(first, second.id, { role: "MEMBER" }),
      changeUser(second, first.id, { role: "MEMBER" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { status: 409, code: "last_admin" },
    });
    expect(await workingAdmins()).toHaveLength(1);
  });
});

describe("disabling accounts", () => {
  it("an admin cannot disable their own account, even with other admins around", async () => {
    const first = await account("First");
    const second = await account("Second");
    await changeUser(first, second.id, { role: "ADMIN" });
    await expect(changeUser(first, first.id, { disabled: true })).rejects.toMatchObject({
      status: 409,
      code: "cannot_disable_self",
    });
    expect(await db.user.findUnique({ where: { id: first.id }, select: { disabledAt: true } })).toEqual({
      disabledAt: null,
    });
  });
});
