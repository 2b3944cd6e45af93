// Personal invite links with an email are mailed by Parley (read back from the test Mailpit):
// the meeting, who invited, the link that works once, a calendar file when a start is given;
// a host can resend; a refusal at send is kept and shown.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { HttpClient } from "../support/http-client";
import { attachmentText, linkIn, mailsTo, waitForMail } from "../support/mailpit";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

type MailStatus = { sentAt: string | null; error: string | null } | null;
type Created = { invite: { id: string; path: string; mail: MailStatus } };
type Listed = { invites: { id: string; mail: MailStatus }[] };

async function host() {
  const client = new HttpClient();
  const person = newPerson("Host");
  await client.signUp(person);
  const room = await client.createRoom("Design review");
  await client.letEveryoneIn(room.slug);
  return { client, person, room };
}

describe("personal invitations by email", () => {
  it("mail the link with the meeting, the host's name and a calendar file; the link works once", async () => {
    const { client, person, room } = await host();
    const invitee = newPerson("Guest");
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    startsAt.setUTCSeconds(0, 0);
    const { status, body } = await client.json<Created>(`/api/rooms/${room.slug}/invites`, {
      method: "POST",
      json: {
        role: "participant",
        invitee: { name: invitee.name, email: invitee.email },
        startsAt: startsAt.toISOString(),
      },
    });
    expect(status).toBe(201);
    expect(body.invite.mail).toEqual({ sentAt: expect.any(String), error: null });

    const mail = await waitForMail(invitee.email);
    expect(mail.Subject).toBe(`${person.name} invited you to “Design review”`);
    expect(mail.Text).toContain(`Hello ${invitee.name},`);
    const link = linkIn(mail, `${stack.appUrl}/j/`);
    expect(link).toBe(`${stack.appUrl}${body.invite.path}`);

    const ics = await attachmentText(mail, "invitation.ics");
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Design review");
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event.endDate.toJSDate().getTime() - startsAt.getTime()).toBe(60 * 60_000);
    expect(event.description).toContain(link);

    const token = body.invite.path.replace("/j/", "");
    expect((await new HttpClient().redeem(token, invitee.name)).status).toBe(200);
    const forwarded = await new HttpClient().redeem(token, "Someone else");
    expect(forwarded.status).toBe(410);
    expect(forwarded.body.error?.code).toBe("invite_used_up");
  });

  it("can be sent again, and a link without a start carries no calendar file", async () => {
    const { client, room } = await host();
    const invitee = newPerson("Again");
    const { body } = await client.json<Created>(`/api/rooms/${room.slug}/invites`, {
      method: "POST",
      json: { role: "viewer", invitee: { name: invitee.name, email: invitee.email } },
    });
    const first = await waitForMail(invitee.email);
    expect(first.Attachments).toEqual([]);
    const resent = await client.json<{ mail: MailStatus }>(`/api/rooms/${room.slug}/invites/${body.invite.id}/send`, {
      method: "POST",
    });
    expect(resent.status).toBe(200);
    expect(resent.body.mail?.sentAt).toEqual(expect.any(String));
    await waitForMail(invitee.email, 2);
    expect(await mailsTo(invitee.email)).toHaveLength(2);
  });

  it("keep and show an address the mail server refused", async () => {
    const { client, room } = await host();
    const email = `nobody-${Date.now()}@refused.invalid`;
    const { body } = await client.json<Created>(`/api/rooms/${room.slug}/invites`, {
      method: "POST",
      json: { role: "participant", invitee: { name: "Nobody", email } },
    });
    expect(body.invite.mail?.sentAt).toBeNull();
    expect(body.invite.mail?.error).toMatch(/550|refused/);
    const listed = await client.json<Listed>(`/api/rooms/${room.slug}/invites`);
    expect(listed.body.invites.find((invite) => invite.id === body.invite.id)?.mail).toEqual(body.invite.mail);
  });

  it("only the room's hosts can send, and only links with an address", async () => {
    const { client, room } = await host();
    const shared = await client.createInvite(room.slug, { role: "participant" });
    const noAddress = await client.json<{ error: { code: string } }>(
      `/api/rooms/${room.slug}/invites/${shared.id}/send`,
      { method: "POST" },
    );
    expect(noAddress.status).toBe(409);
    expect(noAddress.body.error.code).toBe("no_email");
    const personal = await client.createInvite(room.slug, {
      role: "participant",
      invitee: { name: "P", email: newPerson().email },
    });
    const stranger = new HttpClient();
    await stranger.signUp(newPerson("Stranger"));
    expect(
      (await stranger.request(`/api/rooms/${room.slug}/invites/${personal.id}/send`, { method: "POST" })).status,
    ).toBe(403);
  });

  it("a start time needs a personal link with an email", async () => {
    const { client, room } = await host();
    const { status } = await client.json(`/api/rooms/${room.slug}/invites`, {
      method: "POST",
      json: { role: "participant", startsAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(status).toBe(400);
  });
});
