// Every room action, by every kind of caller, against the running app. The table below is the
// policy: change lib/policy.ts and this table together.
import type WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingsOf, select } from "../support/database";
import { hostWithRoom, newMember, signedInAdmin } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { joinMeeting, participantsIn } from "../support/livekit";
import { deliverWebhook, webhookEvent } from "../support/webhooks";
import { shownHtml } from "../support/html";

type Caller = "anonymous" | "guest" | "memberWithoutLink" | "memberWithLink" | "owner" | "cohost" | "admin";
type Action =
  | "openRoomUrl"
  | "mintToken"
  | "createLink"
  | "listLinks"
  | "revokeLink"
  | "changeSettings"
  | "viewHistory"
  | "knock"
  | "listKnocks"
  | "admitKnock"
  | "denyKnock"
  | "watchKnock"
  | "admitAllKnocks"
  | "lockRoom"
  | "muteSomeone"
  | "removeSomeone"
  | "makeCohost"
  | "muteEveryone"
  | "listRemoved"
  | "letBackIn"
  | "raiseHand"
  | "react"
  | "readChat"
  | "sendChat"
  | "lowerSomeonesHand"
  | "switchChat"
  | "exportChat"
  | "endForEveryone"
  | "stopRecording"
  | "listRecordings"
  | "deleteRecording";
// "not in meeting": the rules let the caller take part, and the route then refused because they
// are not in the meeting now (403 not_in_meeting); every other 403 is the rules saying no.
type PageOutcome = "meeting" | "sign-in" | "invite-only" | "not in meeting";

// The room is invite-only, so the plain URL admits no one by membership alone. It lets everyone
// it admits straight in (no waiting room), except while a test makes someone knock. Moderation
// acts on someone who joined for the occasion; muteSomeone's 409 (nothing_to_mute: that person
// publishes nothing) shows the call got past the rules to the act itself.
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
  knock:          { anonymous: 401,       guest: 200,       memberWithoutLink: 403,           memberWithLink: 200,       owner: 200,       cohost: 200,       admin: 200 },
  listKnocks:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  admitKnock:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  denyKnock:      { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  watchKnock:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  admitAllKnocks: { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  lockRoom:       { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  muteSomeone:    { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 409,       cohost: 409,       admin: 409 },
  removeSomeone:  { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  makeCohost:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  muteEveryone:   { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  listRemoved:    { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  letBackIn:      { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  raiseHand:      { anonymous: 401,       guest: "not in meeting", memberWithoutLink: 403,    memberWithLink: "not in meeting", owner: "not in meeting", cohost: "not in meeting", admin: "not in meeting" },
  react:          { anonymous: 401,       guest: "not in meeting", memberWithoutLink: 403,    memberWithLink: "not in meeting", owner: "not in meeting", cohost: "not in meeting", admin: "not in meeting" },
  readChat:       { anonymous: 401,       guest: "not in meeting", memberWithoutLink: 403,    memberWithLink: "not in meeting", owner: "not in meeting", cohost: "not in meeting", admin: "not in meeting" },
  sendChat:       { anonymous: 401,       guest: "not in meeting", memberWithoutLink: 403,    memberWithLink: "not in meeting", owner: "not in meeting", cohost: "not in meeting", admin: "not in meeting" },
  lowerSomeonesHand: { anonymous: 401,    guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  switchChat:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  exportChat:     { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 403,       admin: 200 },
  endForEveryone: { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  // nothing is being recorded: 409 not_recording shows the call got past the rules
  stopRecording:  { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 409,       cohost: 409,       admin: 409 },
  listRecordings: { anonymous: 401,       guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 200,       cohost: 200,       admin: 200 },
  // a recording that is not there: 404 shows the call got past the rules
  deleteRecording: { anonymous: 401,      guest: 403,       memberWithoutLink: 403,           memberWithLink: 403,       owner: 404,       cohost: 404,       admin: 404 },
};

const callers = {} as Record<Caller, HttpClient>;
let owner: HttpClient;
let slug: string;
let meetingId: string;
const sockets: WebSocket[] = [];

afterAll(() => sockets.forEach((socket) => socket.close()));

/** A member who came in through a participant link and sits in the meeting now; their identity. */
async function someoneInTheMeeting(): Promise<string> {
  const { client: member } = await newMember("Target");
  const { body } = await member.redeem((await owner.createInvite(slug, { role: "participant" })).token);
  const inMeeting = await joinMeeting(body.token);
  sockets.push(inMeeting.socket);
  return inMeeting.identity;
}

/** Someone the owner removed, on the room's removed list; their identity. */
async function someoneRemoved(): Promise<string> {
  const identity = await someoneInTheMeeting();
  expect((await owner.request(`/api/rooms/${slug}/participants/${identity}/remove`, { method: "POST" })).status).toBe(
    200,
  );
  return identity;
}

beforeAll(async () => {
  const matrix = await hostWithRoom("Matrix", "Owner");
  owner = matrix.host;
  slug = matrix.room.slug;
  expect(
    (
      await owner.json(`/api/rooms/${slug}/settings`, {
        method: "PATCH",
        json: { joinPolicy: "INVITE_ONLY", waitingRoom: "NOBODY" },
      })
    ).status,
  ).toBe(200);

  callers.owner = owner;
  callers.anonymous = new HttpClient();
  callers.memberWithoutLink = (await newMember("Member")).client;

  callers.memberWithLink = (await newMember("Linked")).client;
  expect(
    (await callers.memberWithLink.redeem((await owner.createInvite(slug, { role: "participant" })).token)).status,
  ).toBe(200);

  callers.cohost = (await newMember("Cohost")).client;
  expect((await callers.cohost.redeem((await owner.createInvite(slug, { role: "cohost" })).token)).status).toBe(200);

  callers.guest = new HttpClient();
  expect(
    (await callers.guest.redeem((await owner.createInvite(slug, { role: "participant" })).token, "Gus")).status,
  ).toBe(200);

  // A past meeting, for viewHistory: LiveKit reports someone joining the room.
  const joined = webhookEvent("participant_joined", {
    room: { sid: "RM_matrix", name: slug },
    participant: {
      sid: `PA_${slug}`,
      identity: "someone",
      name: "Someone",
      joinedAt: String(Math.floor(Date.now() / 1000)),
    },
  });
  expect((await deliverWebhook(joined)).status).toBe(200);
  meetingId = meetingsOf(slug)[0]!.id;

  callers.admin = (await signedInAdmin()).client;
}, 60_000);

async function pageOutcome(client: HttpClient): Promise<PageOutcome | string> {
  const response = await client.request(`/r/${slug}`);
  if (response.status === 307 && response.headers.get("location")?.includes("/signin")) return "sign-in";
  const html = shownHtml(await response.text());
  if (html.includes("This meeting is invite-only")) return "invite-only";
  if (html.includes('data-testid="meeting"')) return "meeting";
  return `unexpected ${response.status}`;
}

/** A guest knocking at the door now (the room makes guests wait for as long as it takes to knock). */
async function freshKnock(): Promise<string> {
  expect(
    (await owner.request(`/api/rooms/${slug}/settings`, { method: "PATCH", json: { waitingRoom: "GUESTS" } })).status,
  ).toBe(200);
  try {
    const knocker = new HttpClient();
    const name = `Knocker ${Math.random().toString(36).slice(2, 8)}`;
    expect(
      (await knocker.redeem((await owner.createInvite(slug, { role: "participant" })).token, name)).body.error?.code,
    ).toBe("waiting_room");
    expect((await knocker.request(`/api/rooms/${slug}/knock`, { method: "POST" })).status).toBe(200);
    const { body } = await owner.json<{ knocks: { id: string; name: string }[] }>(`/api/rooms/${slug}/knocks`);
    return body.knocks.find((knock) => knock.name === name)!.id;
  } finally {
    expect(
      (await owner.request(`/api/rooms/${slug}/settings`, { method: "PATCH", json: { waitingRoom: "NOBODY" } })).status,
    ).toBe(200);
  }
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
      return (await client.request(`/api/rooms/${slug}/settings`, { method: "PATCH", json: { maxParticipants: 50 } }))
        .status;
    case "viewHistory":
      return (await client.request(`/api/rooms/${slug}/meetings/${meetingId}/attendance`)).status;
    case "knock":
      return (await client.request(`/api/rooms/${slug}/knock`, { method: "POST" })).status;
    case "listKnocks":
      return (await client.request(`/api/rooms/${slug}/knocks`)).status;
    case "admitKnock":
      return (await client.request(`/api/rooms/${slug}/knocks/${await freshKnock()}/admit`, { method: "POST" })).status;
    case "denyKnock":
      return (
        await client.request(`/api/rooms/${slug}/knocks/${await freshKnock()}/deny`, {
          method: "POST",
          json: { message: "Not now" },
        })
      ).status;
    case "watchKnock":
      return (await client.request(`/api/rooms/${slug}/knocks/${await freshKnock()}/watch`, { method: "POST" })).status;
    case "admitAllKnocks":
      return (await client.request(`/api/rooms/${slug}/knocks/admit-all`, { method: "POST" })).status;
    case "lockRoom": {
      const status = (await client.request(`/api/rooms/${slug}/lock`, { method: "POST", json: { locked: true } }))
        .status;
      expect((await owner.request(`/api/rooms/${slug}/lock`, { method: "POST", json: { locked: false } })).status).toBe(
        200,
      );
      return status;
    }
    case "muteSomeone":
      return (
        await client.request(`/api/rooms/${slug}/participants/${await someoneInTheMeeting()}/mute`, {
          method: "POST",
          json: { source: "microphone" },
        })
      ).status;
    case "removeSomeone":
      return (
        await client.request(`/api/rooms/${slug}/participants/${await someoneInTheMeeting()}/remove`, {
          method: "POST",
        })
      ).status;
    case "makeCohost":
      return (
        await client.request(`/api/rooms/${slug}/participants/${await someoneInTheMeeting()}/cohost`, {
          method: "POST",
          json: { cohost: true },
        })
      ).status;
    case "muteEveryone":
      return (await client.request(`/api/rooms/${slug}/mute-everyone`, { method: "POST" })).status;
    case "listRemoved":
      return (await client.request(`/api/rooms/${slug}/removals`)).status;
    case "letBackIn":
      return (await client.request(`/api/rooms/${slug}/removals/${await someoneRemoved()}`, { method: "DELETE" }))
        .status;
    case "raiseHand":
      return inMeetingOutcome(
        await client.request(`/api/rooms/${slug}/hand`, { method: "POST", json: { raised: true } }),
      );
    case "react":
      return inMeetingOutcome(
        await client.request(`/api/rooms/${slug}/reactions`, { method: "POST", json: { emoji: "👍" } }),
      );
    case "readChat":
      return inMeetingOutcome(await client.request(`/api/rooms/${slug}/chat`));
    case "sendChat":
      return inMeetingOutcome(
        await client.request(`/api/rooms/${slug}/chat`, { method: "POST", json: { text: "matrix" } }),
      );
    case "lowerSomeonesHand":
      return (
        await client.request(`/api/rooms/${slug}/participants/${await someoneInTheMeeting()}/hand`, {
          method: "DELETE",
        })
      ).status;
    case "switchChat": {
      await someoneInTheMeeting();
      const status = (await client.request(`/api/rooms/${slug}/chat`, { method: "PATCH", json: { enabled: false } }))
        .status;
      const restored = await owner.request(`/api/rooms/${slug}/chat`, { method: "PATCH", json: { enabled: true } });
      expect(restored.status, await restored.text()).toBe(200);
      return status;
    }
    case "exportChat":
      return (await client.request(`/api/rooms/${slug}/meetings/${meetingId}/chat`)).status;
    case "endForEveryone":
      return (await client.request(`/api/rooms/${slug}/end`, { method: "POST" })).status;
    case "stopRecording":
      return (await client.request(`/api/rooms/${slug}/recording`, { method: "DELETE" })).status;
    case "listRecordings":
      return (await client.request(`/api/rooms/${slug}/recordings`)).status;
    case "deleteRecording":
      return (await client.request(`/api/rooms/${slug}/recordings/no-such-recording`, { method: "DELETE" })).status;
  }
}

async function inMeetingOutcome(response: Response): Promise<number | PageOutcome> {
  if (response.status !== 403) return response.status;
  const body = (await response.json()) as { error: { code: string } };
  return body.error.code === "not_in_meeting" ? "not in meeting" : 403;
}

describe("who may do what in an invite-only room", () => {
  for (const [action, row] of Object.entries(EXPECTED) as [Action, Record<Caller, number | PageOutcome>][]) {
    for (const [caller, expected] of Object.entries(row) as [Caller, number | PageOutcome][]) {
      it(`${action} as ${caller} → ${expected}`, async () => {
        expect(await perform(action, callers[caller])).toBe(expected);
      });
    }
  }

  it("refused callers change nothing: no extra links, settings as the hosts left them, the door as it was", async () => {
    const before = await owner.json<{ invites: unknown[] }>(`/api/rooms/${slug}/invites`);
    const knockId = await freshKnock();
    for (const caller of ["anonymous", "guest", "memberWithoutLink", "memberWithLink"] as const) {
      await perform("createLink", callers[caller]);
      await callers[caller].request(`/api/rooms/${slug}/settings`, {
        method: "PATCH",
        json: { joinPolicy: "MEMBERS" },
      });
      await callers[caller].request(`/api/rooms/${slug}/knocks/${knockId}/admit`, { method: "POST" });
      await callers[caller].request(`/api/rooms/${slug}/knocks/admit-all`, { method: "POST" });
      await callers[caller].request(`/api/rooms/${slug}/lock`, { method: "POST", json: { locked: true } });
    }
    const after = await owner.json<{ invites: unknown[] }>(`/api/rooms/${slug}/invites`);
    expect(after.body.invites.length).toBe(before.body.invites.length + 1); // the knocker's link
    expect(await pageOutcome(callers.memberWithoutLink)).toBe("invite-only");
    const door = await owner.json<{ knocks: { id: string }[]; locked: boolean }>(`/api/rooms/${slug}/knocks`);
    expect(door.body).toEqual({
      knocks: expect.arrayContaining([expect.objectContaining({ id: knockId })]),
      locked: false,
    });
  });

  it("refused callers change nothing in the meeting: who is in it, their roles, the removed list, the audit log", async () => {
    const target = await someoneInTheMeeting();
    const removed = await someoneRemoved();
    const roomRow = () => select(`SELECT "endedAt", "endedForAllAt" FROM "Room" WHERE "slug" = ?`, slug);
    const accessOf = (identity: string) =>
      select(`SELECT "role", "revokedAt" FROM "RoomAccess" WHERE "userId" = ? ORDER BY "id"`, identity);
    const removals = () =>
      select(`SELECT "identity" FROM "RoomRemoval" WHERE "identity" IN (?, ?) ORDER BY "identity"`, target, removed);
    const audit = () => select(`SELECT "id" FROM "AuditEntry" WHERE "targetId" IN (?, ?, ?)`, target, removed, slug);
    const before = { room: roomRow(), access: accessOf(target), removals: removals(), audit: audit() };
    expect(before.removals).toEqual([{ identity: removed }]);

    for (const caller of ["anonymous", "guest", "memberWithoutLink", "memberWithLink"] as const) {
      const client = callers[caller];
      const attempts = [
        client.request(`/api/rooms/${slug}/participants/${target}/mute`, {
          method: "POST",
          json: { source: "microphone" },
        }),
        client.request(`/api/rooms/${slug}/participants/${target}/remove`, { method: "POST" }),
        client.request(`/api/rooms/${slug}/participants/${target}/cohost`, { method: "POST", json: { cohost: true } }),
        client.request(`/api/rooms/${slug}/mute-everyone`, { method: "POST" }),
        client.request(`/api/rooms/${slug}/end`, { method: "POST" }),
        client.request(`/api/rooms/${slug}/removals/${removed}`, { method: "DELETE" }),
      ];
      for (const response of await Promise.all(attempts)) expect([401, 403], caller).toContain(response.status);
    }

    expect(await participantsIn(slug)).toContain(target);
    expect({ room: roomRow(), access: accessOf(target), removals: removals(), audit: audit() }).toEqual(before);
  });

  it("a room open to members admits a member without a link", async () => {
    const { room } = await hostWithRoom();
    const { client: member } = await newMember("Walk-in");
    expect((await member.request(`/api/rooms/${room.slug}/token`, { method: "POST" })).status).toBe(200);
  });
});
