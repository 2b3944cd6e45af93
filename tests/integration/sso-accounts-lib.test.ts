// Which account a single sign-on lands in, through lib/ on a database of this file's own, with
// SIGNUP=invite: matching by issuer and subject, linking by verified email only, the invitation
// an account needs, and the admin group. (The flows in a browser: tests/e2e/sso.spec.ts.)
import { describe, expect, it, vi } from "vitest";
import { createAccount } from "@/lib/accounts/accounts";
import { createAccountInvitation } from "@/lib/accounts/invitations";
import { accountForSso } from "@/lib/accounts/sso-accounts";
import type { SsoSettings } from "@/lib/sso/provider";
import { TEST_PASSWORD } from "../support/factories";

// Before any lib/ code reads the environment.
vi.stubEnv("SIGNUP", "invite");

const ISSUER = "https://sso.example.org/realms/staff";
const settings: SsoSettings = {
  issuer: ISSUER,
  clientId: "parley",
  clientSecret: "secret",
  label: "SSO",
  scopes: "openid email profile",
  groupsClaim: "roles",
  adminGroup: "parley-admins",
};

const claims = (subject: string, email: string, more: Record<string, unknown> = {}) => ({
  issuer: ISSUER,
  subject,
  email,
  email_verified: true,
  name: subject,
  ...more,
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error as { code?: string }).code,
  );

describe("single sign-on accounts with SIGNUP=invite", () => {
  it("the first account of a fresh server is made without an invitation, and is an admin", async () => {
    const first = await accountForSso(settings, claims("first", "first@example.org"));
    expect(first.role).toBe("ADMIN");
  });

  it("a new person needs an invitation for a verified address, and spends it", async () => {
    expect(await refusal(accountForSso(settings, claims("nobody", "nobody@example.org")))).toBe("signup_closed");
    const admin = await accountForSso(settings, claims("first", "first@example.org"));
    await createAccountInvitation({ ...admin }, "invited@example.org");
    expect(
      await refusal(
        accountForSso(settings, claims("invited-unverified", "invited@example.org", { email_verified: false })),
      ),
    ).toBe("signup_closed");
    const invited = await accountForSso(settings, claims("invited", "invited@example.org"));
    expect(invited).toMatchObject({ email: "invited@example.org", role: "MEMBER" });
    // Found again by subject, even with another address at the provider now.
    expect((await accountForSso(settings, claims("invited", "renamed@example.org"))).id).toBe(invited.id);
  });

  it("links a password account only for a verified address, and never to a second person at the same provider", async () => {
    const admin = await accountForSso(settings, claims("first", "first@example.org"));
    const invitation = await createAccountInvitation({ ...admin }, "pat@example.org");
    const pat = await createAccount({
      name: "Pat",
      email: "pat@example.org",
      password: TEST_PASSWORD,
      invitation: new URL(invitation.link).searchParams.get("invitation")!,
    });
    expect(await refusal(accountForSso(settings, claims("pat-x", "pat@example.org", { email_verified: false })))).toBe(
      "sso_email_unverified",
    );
    expect((await accountForSso(settings, claims("pat-sso", "PAT@example.org"))).id).toBe(pat.id);
    expect(await refusal(accountForSso(settings, claims("pat-other", "pat@example.org")))).toBe(
      "sso_identity_conflict",
    );
    expect(await refusal(accountForSso(settings, claims("no-mail", "")))).toBe("sso_no_email");
  });

  it("the admin group makes an admin, and takes back only what it gave", async () => {
    const admin = await accountForSso(settings, claims("first", "first@example.org"));
    await createAccountInvitation({ ...admin }, "group@example.org");
    const member = await accountForSso(settings, claims("group", "group@example.org"));
    expect(member.role).toBe("MEMBER");
    expect(
      (await accountForSso(settings, claims("group", "group@example.org", { roles: ["parley-admins"] }))).role,
    ).toBe("ADMIN");
    expect((await accountForSso(settings, claims("group", "group@example.org", { roles: [] }))).role).toBe("MEMBER");
    // The first account is an admin by being first: leaving the group changes nothing.
    expect((await accountForSso(settings, claims("first", "first@example.org", { roles: "staff" }))).role).toBe(
      "ADMIN",
    );
  });
});
