// Every room action, by every kind of caller, against the running app. The table below is the
// policy: change lib/policy.ts and this table together.
import type WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingsOf, select } from "../support/database";
import { HttpClient } from "../support/http-client";
import { joinMeeting, participantsIn } from "../support/livekit";
import { newPerson } from "../support/stack";
import { deliverWebhook, webhookEvent } from "../support/webhooks";

type Caller = "anonymous" | "guest" | "memberWithoutLink" | "memberWithLink" | "owner" | "cohost" | "admin";
type Action =
  | "openRoomUrl"
  | "mintToken"
  | "createLink"
  | "listLinks"
  | "revokeLink"
  | "changeSettings"
  | "viewHistory"
  | "muteSomeone"
  | "removeSomeone"
  | "makeCohost"
  | "muteEveryone"
  | "listRemoved"
  | "letBackIn"
  | "endForEveryone";
type PageOutcome = "meeting" | "sign-in" | "invite-only";

// The room is invite-only, so the plain URL admits no one by membership alone. Moderation acts on
// someone who joined for the occasion; muteSomeone's 409 (nothing_to_mute: that person publishes
// nothing) shows the call got past the rules to the act itself.
// prettier-ignore
const EXPECTED: Record<Action, Record<Caller, number | PageOutcome>> = {
  //                anonymous         guest      memberWithoutLink     memberWithLink  owner      cohost     admin
  openRoomUrl:    { anonymous: "sign-in", guest: "meeting", memberWithoutLink: "invite-only", memberWithLink: "meeting", owner: "meeting", cohost: "meeting", admin: "meeting" },
  mintToken:      { anonymous: 401,       guest: 200,       memberWithoutLink: 403,           memberWithLink: 200,       owner: 200,       cohost: 200,       admin: 200 },
  createLink:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 201,       cohost: 201,       admin: 201 },
  listLinks:      { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  revokeLink:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  changeSettings: { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  viewHistory:    { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 403,       admin: 200 },
  muteSomeone:    { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 409,       cohost: 409,       admin: 409 },
  removeSomeone:  { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  makeCohost:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  muteEveryone:   { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  listRemoved:    { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  letBackIn:      { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  endForEveryone: { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 403,       admin: 200 },
};

const callers = {} as Record<Caller, HttpClient>;
let owner: HttpClient;
let slug: string;
let meetingId: string;
const sockets: WebSocket[] = [];

afterAll(() => sockets.forEach((socket) => socket.close()));

/** A member who came in through a participant link and sits in the meeting now; their identity. */
async function someoneInTheMeeting(): Promise<string> {
  const member = new HttpClient();
  await member.signUp(newPerson("Target"));
  const { body } = await member.redeem((await owner.createInvite(slug, { role: "participant" })).token);
  const inMeeting = await joinMeeting(body.token);
  sockets.push(inMeeting.socket);
  return inMeeting.identity;
}

/** Someone the owner removed, on the room's removed list; their identity. */
async function someoneRemoved(): Promise<string> {
  const identity = await someoneInTheMeeting();
  expect((await owner.request(`/api/rooms/${slug}/participants/${identity}/remove`, { method: "POST" })).status).toBe(200);
  return identity;
}

beforeAll(async () => {
  owner = new HttpClient();
  await owner.signUp(newPerson("Owner"));
  slug = (await owner.createRoom("Matrix")).slug;
  expect((await owner.json(`/api/rooms/${slug}/settings`, { method: "PATCH", json: { joinPolicy: "INVITE_ONLY" } })).status).toBe(200);

  callers.owner = owner;
  callers.anonymous = new HttpClient();
  callers.memberWithoutLink = new HttpClient();
  await callers.memberWithoutLink.signUp(newPerson("Member"));

  callers.memberWithLink = new HttpClient();
  await callers.memberWithLink.signUp(newPerson("Linked"));
  expect((await callers.memberWithLink.redeem((await owner.createInvite(slug, { role: "participant" })).token)).status).toBe(200);

  callers.cohost = new HttpClient();
  await callers.cohost.signUp(newPerson("Cohost"));
  expect((await callers.cohost.redeem((await owner.createInvite(slug, { role: "cohost" })).token)).status).toBe(200);

  callers.guest = new HttpClient();
  expect((await callers.guest.redeem((await owner.createInvite(slug, { role: "participant" })).token, "Gus")).status).toBe(200);

  // A past meeting, for viewHistory: LiveKit reports someone joining the room.
  const joined = webhookEvent("participant_joined", {
    room: { sid: "RM_matrix", name: slug },
    participant: { sid: `PA_${slug}`, identity: "someone", name: "Someone", joinedAt: String(Math.floor(Date.now() / 1000)) },
  });
  expect((await deliverWebhook(joined)).status).toBe(200);
  meetingId = meetingsOf(slug)[0]!.id;

  callers.admin = new HttpClient();
  await callers.admin.signInOrUp({ name: "Test Admin", email: process.env.PARLEY_TEST_ADMIN_EMAIL!, password: "correct horse battery" });
}, 60_000);

async function pageOutcome(client: HttpClient): Promise<PageOutcome | string> {
  const response = await client.request(`/r/${slug}`);
  if (response.status === 307 && response.headers.get("location")?.includes("/signin")) return "sign-in";
  const html = await response.text();
  if (html.includes("This meeting is invite-only")) return "invite-only";
  if (html.includes('data-testid="meeting"')) return "meeting";
  return `unexpected ${response.status}`;
}

async function perform(action: Action, client: HttpClient): Promise<number | PageOutcome | string> {
  switch (action) {
    case "openRoomUrl":
      return pageOutcome(client);
    case "mintToken":
      return (await client.request(`/api/rooms/${slug}/token`, { method: "POST" })).status;
    case "createLink":
      return (await client.request(`/api/rooms/${slug}/invites`, { method: "POST", json: { role: "viewer" } })).status;
    case "listLinks":
      return (await client.request(`/api/rooms/${slug}/invites`)).status;
    case "revokeLink": {
      const target = await owner.createInvite(slug, { role: "participant", label: "to revoke" });
      return (await client.request(`/api/rooms/${slug}/invites/${target.id}/revoke`, { method: "POST" })).status;
    }
    case "changeSettings":
      return (await client.request(`/api/rooms/${slug}/settings`, { method: "PATCH", json: { maxParticipants: 50 } })).status;
    case "viewHistory":
      return (await client.request(`/api/rooms/${slug}/meetings/${meetingId}/attendance`)).status;
    case "muteSomeone":
      return (await client.request(`/api/rooms/${slug}/participants/${await someoneInTheMeeting()}/mute`, { method: "POST", json: { source: "microphone" } })).status;
    case "removeSomeone":
      return (await client.request(`/api/rooms/${slug}/participants/${await someoneInTheMeeting()}/remove`, { method: "POST" })).status;
    case "makeCohost":
      return (await client.request(`/api/rooms/${slug}/participants/${await someoneInTheMeeting()}/cohost`, { method: "POST", json: { cohost: true } })).status;
    case "muteEveryone":
      return (await client.request(`/api/rooms/${slug}/mute-everyone`, { method: "POST" })).status;
    case "listRemoved":
      return (await client.request(`/api/rooms/${slug}/removals`)).status;
    case "letBackIn":
      return (await client.request(`/api/rooms/${slug}/removals/${await someoneRemoved()}`, { method: "DELETE" })).status;
    case "endForEveryone":
      return (await client.request(`/api/rooms/${slug}/end`, { method: "POST" })).status;
  }
}

describe("who may do what in an invite-only room", () => {
  for (const [action, row] of Object.entries(EXPECTED) as [Action, Record<Caller, number | PageOutcome>][]) {
    for (const [caller, expected] of Object.entries(row) as [Caller, number | PageOutcome][]) {
      it(`${action} as ${caller} → ${expected}`, async () => {
        expect(await perform(action, callers[caller])).toBe(expected);
      });
    }
  }

  it("refused callers change nothing: no extra links, settings as the hosts left them", async () => {
    const before = await owner.json<{ invites: unknown[] }>(`/api/rooms/${slug}/invites`);
    for (const caller of ["anonymous", "guest", "memberWithoutLink", "memberWithLink"] as const) {
      await perform("createLink", callers[caller]);
      await callers[caller].request(`/api/rooms/${slug}/settings`, { method: "PATCH", json: { joinPolicy: "MEMBERS" } });
    }
    const after = await owner.json<{ invites: unknown[] }>(`/api/rooms/${slug}/invites`);
    expect(after.body.invites.length).toBe(before.body.invites.length);
    expect(await pageOutcome(callers.memberWithoutLink)).toBe("invite-only");
  });

  it("refused callers change nothing in the meeting: who is in it, their roles, the removed list, the audit log", async () => {
    const target = await someoneInTheMeeting();
    const removed = await someoneRemoved();
    const roomRow = () => select(`SELECT "endedAt", "endedForAllAt" FROM "Room" WHERE "slug" = ?`, slug);
    const accessOf = (identity: string) => select(`SELECT "role", "revokedAt" FROM "RoomAccess" WHERE "userId" = ? ORDER BY "id"`, identity);
    const removals = () => select(`SELECT "identity" FROM "RoomRemoval" WHERE "identity" IN (?, ?) ORDER BY "identity"`, target, removed);
    const audit = () => select(`SELECT "id" FROM "AuditEntry" WHERE "targetId" IN (?, ?, ?)`, target, removed, slug);
    const before = { room: roomRow(), access: accessOf(target), removals: removals(), audit: audit() };
    expect(before.removals).toEqual([{ identity: removed }]);

    for (const caller of ["anonymous", "guest", "memberWithoutLink", "memberWithLink"] as const) {
      const client = callers[caller];
      const attempts = [
        client.request(`/api/rooms/${slug}/participants/${target}/mute`, { method: "POST", json: { source: "microphone" } }),
        client.request(`/api/rooms/${slug}/participants/${target}/remove`, { method: "POST" }),
        client.request(`/api/rooms/${slug}/participants/${target}/cohost`, { method: "POST", json: { cohost: true } }),
        client.request(`/api/rooms/${slug}/mute-everyone`, { method: "POST" }),
        client.request(`/api/rooms/${slug}/end`, { method: "POST" }),
        client.request(`/api/rooms/${slug}/removals/${removed}`, { method: "DELETE" }),
      ];
      for (const response of await Promise.all(attempts)) expect([401, 403], caller).toContain(response.status);
    }
    // The cohost may do much, but not end the meeting.
    expect((await callers.cohost.request(`/api/rooms/${slug}/end`, { method: "POST" })).status).toBe(403);

    expect(await participantsIn(slug)).toContain(target);
    expect({ room: roomRow(), access: accessOf(target), removals: removals(), audit: audit() }).toEqual(before);
  });

  it("a room open to members admits a member without a link", async () => {
    const open = new HttpClient();
    await open.signUp(newPerson("Host"));
    const room = await open.createRoom();
    const member = new HttpClient();
    await member.signUp(newPerson("Walk-in"));
    expect((await member.request(`/api/rooms/${room.slug}/token`, { method: "POST" })).status).toBe(200);
  });
});
