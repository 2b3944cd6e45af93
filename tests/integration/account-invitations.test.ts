// An administrator invites someone by email: the mail arrives (in the test Mailpit) with a link
// that makes an account once; an address the mail server refuses is shown as refused.
import { describe, expect, it } from "vitest";
import { newPerson, signedInAdmin } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { linkIn, mailsTo, waitForMail } from "../support/mailpit";
import { stack } from "../support/stack";

type Created = {
  link: string;
  mailConfigured: boolean;
  invitation: { id: string; email: string; mailSentAt: string | null; mailError: string | null };
};

describe("inviting someone to make an account", () => {
  it("mails a single-use sign-up link that makes the account, and lists it as sent", async () => {
    const { client: admin, user } = await signedInAdmin();
    const invitee = newPerson("Mailed");
    const { status, body } = await admin.json<Created>("/api/admin/invitations", {
      method: "POST",
      json: { email: invitee.email.toUpperCase() },
    });
    expect(status).toBe(201);
    expect(body.mailConfigured).toBe(true);
    expect(body.invitation).toMatchObject({ email: invitee.email, mailSentAt: expect.any(String), mailError: null });

    const mail = await waitForMail(invitee.email);
    expect(mail.Subject).toBe(`${user.name} invited you to Parley`);
    const link = linkIn(mail, `${stack.appUrl}/signup?invitation=`);
    expect(link).toBe(body.link);

    const token = new URL(link).searchParams.get("invitation")!;
    const made = await new HttpClient().json<{ user: { role: string } }>("/api/accounts", {
      method: "POST",
      json: { ...invitee, invitation: token },
    });
    expect(made.status).toBe(201);
    const reused = await new HttpClient().json<{ error: { code: string } }>("/api/accounts", {
      method: "POST",
      json: { ...newPerson("Reuse"), email: invitee.email, invitation: token },
    });
    expect(reused.status).toBe(410);
  });

  it("shows an address the mail server refused as refused, and mails nothing", async () => {
    const { client: admin } = await signedInAdmin();
    const email = `nobody-${Date.now()}@refused.invalid`;
    const { status, body } = await admin.json<Created>("/api/admin/invitations", { method: "POST", json: { email } });
    expect(status).toBe(201);
    expect(body.invitation.mailSentAt).toBeNull();
    expect(body.invitation.mailError).toMatch(/550|refused/);
    const listed = await admin.json<{ invitations: { email: string; mailError: string | null }[] }>(
      "/api/admin/invitations",
    );
    expect(listed.body.invitations.find((invitation) => invitation.email === email)?.mailError).toBe(
      body.invitation.mailError,
    );
    expect(await mailsTo(email)).toEqual([]);
  });

  it("refuses to invite an address that already has an account", async () => {
    const { client: admin } = await signedInAdmin();
    const existing = newPerson("Existing");
    await new HttpClient().signUp(existing);
    const { status, body } = await admin.json<{ error: { code: string } }>("/api/admin/invitations", {
      method: "POST",
      json: { email: existing.email },
    });
    expect(status).toBe(409);
    expect(body.error.code).toBe("email_taken");
  });
});
