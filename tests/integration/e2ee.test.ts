// End-to-end encrypted rooms over HTTP, against the real LiveKit server: the meeting's media key
// reaches exactly those who get a join token, in that same answer and nowhere else; each meeting
// has its own; and encryption is switched only between meetings.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { KnockResponse } from "@/app/api/rooms/[slug]/knock/route";
import type { KnockListResponse } from "@/app/api/rooms/[slug]/knocks/route";
import type { JoinCredentials } from "@/lib/meetings/join-credentials";
import { select } from "../support/database";
import { newMember } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { closedByServer, joinMeeting, type InMeeting } from "../support/livekit";
import { stack } from "../support/stack";
import { deliverWebhook, joinedEvent, webhookEvent } from "../support/webhooks";

type Answer = Partial<JoinCredentials> & { error?: { code: string; message: string } };

const sockets: InMeeting["socket"][] = [];
afterAll(() => sockets.forEach((socket) => socket.close()));

const tagged = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;
const tokenFor = (client: HttpClient, slug: string) =>
  client.json<Answer>(`/api/rooms/${slug}/token`, { method: "POST" });
const settings = (client: HttpClient, slug: string, json: unknown) =>
  client.json<{ settings?: Record<string, unknown>; error?: { code: string } }>(`/api/rooms/${slug}/settings`, {
    method: "PATCH",
    json,
  });
const keyRows = (slug: string) =>
  select<{ key: string; livekitRoomSid: string }>(
    `SELECT k."key", k."livekitRoomSid" FROM "MediaKey" k JOIN "Room" r ON r."id" = k."roomId" WHERE r."slug" = ?`,
    slug,
  );

/** An encrypted room whose owner is in its meeting (guests wait at the door, as in new rooms). */
async function encryptedRoomInUse() {
  const owner = await newMember("Owner");
  const room = await owner.client.createRoom(tagged("Secret"));
  expect((await settings(owner.client, room.slug, { e2ee: true })).body.settings).toMatchObject({ e2ee: true });
  const { status, body } = await tokenFor(owner.client, room.slug);
  expect(status).toBe(200);
  const host = await joinMeeting(body.token!);
  sockets.push(host.socket);
  expect((await deliverWebhook(joinedEvent(host))).status).toBe(200);
  return { owner, room, host, key: body.e2ee!.key };
}

/** Everything LiveKit holds about the room and the people in it, as text to search. */
async function whatLiveKitHolds(slug: string): Promise<string> {
  const service = stack.roomService();
  return JSON.stringify([
    (await service.listRooms([slug])).map((room) => room.toJson()),
    (await service.listParticipants(slug)).map((participant) => participant.toJson()),
  ]);
}

const claimsText = (token: string) => Buffer.from(token.split(".")[1]!, "base64url").toString();

describe("the media key of an encrypted room", () => {
  it("comes only with a join token: 32 random bytes, the same for everyone in the meeting, never inside the token or LiveKit's records", async () => {
    const { room, key } = await encryptedRoomInUse();
    expect(Buffer.from(key, "base64")).toHaveLength(32);

    const member = await newMember("Member");
    const answer = await tokenFor(member.client, room.slug);
    expect(answer.status).toBe(200);
    expect(answer.body.e2ee).toEqual({ key });
    expect(claimsText(answer.body.token!)).not.toContain(key);
    const joined = await joinMeeting(answer.body.token!);
    sockets.push(joined.socket);
    expect(await whatLiveKitHolds(room.slug)).not.toContain(key);
    expect(keyRows(room.slug)).toEqual([{ key, livekitRoomSid: joined.room.sid }]);
    expect(readFileSync(stack.appLog, "utf8")).not.toContain(key);
  });

  it("goes to nobody the token rules refuse: anonymous, a member of an invite-only room, a guest not yet admitted, a removed person; an admitted guest gets it", async () => {
    const { owner, room, key } = await encryptedRoomInUse();
    const link = await owner.client.createInvite(room.slug, { role: "participant", label: "Clients" });

    const refusals: [string, { status: number; body: unknown }][] = [];
    refusals.push(["anonymous", await tokenFor(new HttpClient(), room.slug)]);

    const guest = new HttpClient();
    const atDoor = await guest.redeem(link.token, "Gia");
    refusals.push(["guest at the door", atDoor]);
    const knock = await guest.json<KnockResponse>(`/api/rooms/${room.slug}/knock`, { method: "POST" });
    refusals.push(["guest knocking", knock]);

    const participant = await newMember("Pat");
    const invite = await owner.client.createInvite(room.slug, { role: "participant" });
    expect((await participant.client.redeem(invite.token)).status).toBe(200);
    const pat = await joinMeeting((await tokenFor(participant.client, room.slug)).body.token!);
    sockets.push(pat.socket);
    expect(
      (await owner.client.json(`/api/rooms/${room.slug}/participants/${pat.identity}/remove`, { method: "POST" }))
        .status,
    ).toBe(200);
    await closedByServer(pat.socket);
    refusals.push(["removed", await tokenFor(participant.client, room.slug)]);

    expect((await settings(owner.client, room.slug, { joinPolicy: "INVITE_ONLY" })).status).toBe(200);
    const outsider = await newMember("Outsider");
    refusals.push(["member of an invite-only room", await tokenFor(outsider.client, room.slug)]);

    expect(refusals.map(([who, { status }]) => [who, status])).toEqual([
      ["anonymous", 401],
      ["guest at the door", 403],
      ["guest knocking", 200],
      ["removed", 403],
      ["member of an invite-only room", 403],
    ]);
    for (const [who, { body }] of refusals) expect(JSON.stringify(body), who).not.toContain(key);
    expect(JSON.stringify(refusals[2]![1].body)).not.toContain("e2ee");

    // Let in at the door: the next token comes with the key.
    const { knocks } = (await owner.client.json<KnockListResponse>(`/api/rooms/${room.slug}/knocks`)).body;
    const admit = await owner.client.json(`/api/rooms/${room.slug}/knocks/${knocks[0]!.id}/admit`, { method: "POST" });
    expect(admit.status).toBe(200);
    const admitted = await tokenFor(guest, room.slug);
    expect(admitted.status).toBe(200);
    expect(admitted.body.e2ee).toEqual({ key });
  });

  it("differs between meetings, and is dropped when a meeting ends", async () => {
    const { owner, room, host, key } = await encryptedRoomInUse();
    host.socket.close();
    await stack.roomService().deleteRoom(room.slug);
    const finished = await deliverWebhook(webhookEvent("room_finished", { room: host.room, at: new Date() }));
    expect(finished.status).toBe(200);
    expect(keyRows(room.slug)).toEqual([]);

    const next = await tokenFor(owner.client, room.slug);
    expect(next.status).toBe(200);
    expect(next.body.e2ee?.key).toEqual(expect.any(String));
    expect(next.body.e2ee!.key).not.toBe(key);
  });

  it("is never handed out for a room without encryption", async () => {
    const owner = await newMember("Owner");
    const room = await owner.client.createRoom(tagged("Plain"));
    const answer = await tokenFor(owner.client, room.slug);
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty("e2ee");
    expect(keyRows(room.slug)).toEqual([]);
  });
});

describe("the e2ee room setting", () => {
  it("is off in a new room; bad values are refused; only hosts may change it", async () => {
    const owner = await newMember("Owner");
    const room = await owner.client.createRoom(tagged("Setting"));
    expect((await settings(owner.client, room.slug, {})).body.settings).toMatchObject({ e2ee: false });
    for (const bad of ["yes", 1, null, "true"]) {
      const refused = await settings(owner.client, room.slug, { e2ee: bad });
      expect([bad, refused.status, refused.body.error?.code]).toEqual([bad, 400, "invalid_request"]);
    }
    const member = await newMember("Member");
    const invite = await owner.client.createInvite(room.slug, { role: "participant" });
    expect((await member.client.redeem(invite.token)).status).toBe(200);
    expect((await settings(member.client, room.slug, { e2ee: true })).status).toBe(403);
    expect((await settings(owner.client, room.slug, { e2ee: true })).body.settings).toMatchObject({ e2ee: true });
  });

  it("cannot be switched while people are in the meeting (409 e2ee_meeting_live), and can once they have left", async () => {
    const { owner, room, host } = await encryptedRoomInUse();
    const refused = await settings(owner.client, room.slug, { e2ee: false });
    expect([refused.status, refused.body.error?.code]).toEqual([409, "e2ee_meeting_live"]);
    // The settings form sends every field: the same value is no switch.
    expect((await settings(owner.client, room.slug, { e2ee: true, allowGuests: false })).status).toBe(200);

    host.socket.close();
    await stack.roomService().deleteRoom(room.slug);
    await deliverWebhook(webhookEvent("room_finished", { room: host.room, at: new Date() }));
    const switched = await settings(owner.client, room.slug, { e2ee: false });
    expect(switched.body.settings).toMatchObject({ e2ee: false });
    const answer = await tokenFor(owner.client, room.slug);
    expect(answer.body).not.toHaveProperty("e2ee");
  });
});
