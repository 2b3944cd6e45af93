// Sending a mail again: an administrator's invitation to make an account (a new link, the old
// one stops working) and the link that confirms a password account's address (rate limited).
import { describe, expect, it } from "vitest";
import { newMember, newPerson, signedInAdmin } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { linkIn, mailsTo, waitForMail } from "../support/mailpit";
import { stack } from "../support/stack";

type ErrorBody = { error: { code: string; message: string } };
type Invitation = { link: string; invitation: { id: string; email: string; mailSentAt: string | null } };

describe("an administrator sends an account invitation again", () => {
  it("mails a new link valid 7 more days; the old link stops working, the new one makes the account", async () => {
    const { client: admin } = await signedInAdmin();
    const invitee = newPerson("Again");
    const first = await admin.json<Invitation>("/api/admin/invitations", {
      method: "POST",
      json: { email: invitee.email },
    });
    expect(first.status).toBe(201);
    await waitForMail(invitee.email, 1);

    const again = await admin.json<Invitation>(`/api/admin/invitations/${first.body.invitation.id}/resend`, {
      method: "POST",
    });
    expect(again.status).toBe(200);
    expect(again.body.invitation).toMatchObject({ id: first.body.invitation.id, mailSentAt: expect.any(String) });
    expect(again.body.link).not.toBe(first.body.link);
    const mail = await waitForMail(invitee.email, 2);
    expect(linkIn(mail, `${stack.appUrl}/signup?invitation=`)).toBe(again.body.link);

    const tokenOf = (link: string) => new URL(link).searchParams.get("invitation")!;
    const withOld = await new HttpClient().json<ErrorBody>("/api/accounts", {
      method: "POST",
      json: { ...invitee, invitation: tokenOf(first.body.link) },
    });
    expect(withOld.status).toBe(404);
    const withNew = await new HttpClient().json("/api/accounts", {
      method: "POST",
      json: { ...invitee, invitation: tokenOf(again.body.link) },
    });
    expect(withNew.status).toBe(201);

    const spent = await admin.json<ErrorBody>(`/api/admin/invitations/${first.body.invitation.id}/resend`, {
      method: "POST",
    });
    expect(spent.status).toBe(410);
    expect(spent.body.error.code).toBe("invitation_used");
    expect(await mailsTo(invitee.email)).toHaveLength(2);
  });

  it("is for administrators only, and an unknown invitation is a 404", async () => {
    const { client: admin } = await signedInAdmin();
    const invitee = newPerson("Guarded");
    const { body } = await admin.json<Invitation>("/api/admin/invitations", {
      method: "POST",
      json: { email: invitee.email },
    });
    const path = `/api/admin/invitations/${body.invitation.id}/resend`;
    const member = (await newMember("Not admin")).client;
    expect((await member.json<ErrorBody>(path, { method: "POST" })).body.error.code).toBe("admin_only");
    expect((await new HttpClient().json<ErrorBody>(path, { method: "POST" })).status).toBe(401);
    expect((await admin.json<ErrorBody>("/api/admin/invitations/no-such-one/resend", { method: "POST" })).status).toBe(
      404,
    );
    expect(await mailsTo(invitee.email)).toHaveLength(1);
  });
});

describe("sending the email confirmation link again", () => {
  it("mails a new link to an unconfirmed password account, which confirms it; the same answer for an unknown address", async () => {
    const person = newPerson("Unconfirmed");
    const made = await new HttpClient().json<{ confirmationSent: boolean }>("/api/accounts", {
      method: "POST",
      json: person,
    });
    expect(made.body.confirmationSent).toBe(true);
    await waitForMail(person.email, 1, "Confirm your email address for Parley");

    const again = await new HttpClient().json<{ message: string }>("/api/accounts/confirmation", {
      method: "POST",
      json: { email: person.email },
    });
    expect(again.status).toBe(202);
    const mail = await waitForMail(person.email, 2, "Confirm your email address for Parley");
    const link = new URL(linkIn(mail, `${stack.appUrl}/confirm-email?token=`));
    expect(link.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stranger = newPerson("Nobody").email;
    const unknown = await new HttpClient().json<{ message: string }>("/api/accounts/confirmation", {
      method: "POST",
      json: { email: stranger },
    });
    expect(unknown.status).toBe(202);
    expect(unknown.body.message).toBe(again.body.message.replace(person.email, stranger));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await mailsTo(stranger)).toHaveLength(0);
  });

  it("is rate limited per address, with Retry-After", async () => {
    const email = newPerson("Limited").email;
    const { limit } = stack.strictAppEnv.RATE_LIMIT_CONFIRMATION_MAIL_PER_EMAIL;
    const client = new HttpClient(stack.strictAppUrl);
    for (let i = 0; i < limit; i++) {
      const { status } = await client.json("/api/accounts/confirmation", { method: "POST", json: { email } });
      expect(status).toBe(202);
    }
    const response = await client.request("/api/accounts/confirmation", { method: "POST", json: { email } });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as ErrorBody).error.code).toBe("rate_limited");
  });
});
