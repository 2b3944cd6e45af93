// Raised hands, reactions and chat through Parley's routes, against the running app and the real
// LiveKit server: who may use them (only people in the meeting now; hosts for the rest), what
// bad input gets, and what LiveKit and the database hold afterwards. Participants connect for
// signalling only (tests/support/livekit.ts), which is enough to be in the meeting.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { select } from "../support/database";
import { hostWithRoom, newMember } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { joinMeeting, type InMeeting } from "../support/livekit";
import { stack } from "../support/stack";

type ErrorBody = { error: { code: string; message: string } };

const sockets: WebSocket[] = [];
afterAll(() => sockets.forEach((socket) => socket.close()));

async function enters(client: HttpClient, slug: string): Promise<InMeeting> {
  const { status, body } = await client.json<ErrorBody & { token: string }>(`/api/rooms/${slug}/token`, {
    method: "POST",
  });
  if (status !== 200) throw new Error(`no token for ${slug}: ${status} ${JSON.stringify(body)}`);
  const inMeeting = await joinMeeting(body.token);
  sockets.push(inMeeting.socket);
  return inMeeting;
}

const handOf = async (slug: string, identity: string) =>
  (await stack.roomService().getParticipant(slug, identity)).attributes["parley.hand"] ?? "";

let host: HttpClient;
let slug: string;
let hostIdentity: string;
let member: HttpClient;
let memberIdentity: string;
let viewer: HttpClient;

beforeAll(async () => {
  const made = await hostWithRoom("Chatty", "Hosting");
  host = made.host;
  slug = made.room.slug;
  // Members walk in (the room admits members); guests knock.
  hostIdentity = (await enters(host, slug)).identity;
  member = (await newMember("Mia")).client;
  memberIdentity = (await enters(member, slug)).identity;
  viewer = new HttpClient();
  const link = await host.createInvite(slug, { role: "viewer" });
  expect((await viewer.redeem(link.token, "Vic")).status).toBe(403); // waiting_room: guests knock by default
}, 60_000);

describe("who may take part", () => {
  it("nobody signed in gets 401 on every route", async () => {
    const anonymous = new HttpClient();
    for (const [path, method, json] of [
      [`/api/rooms/${slug}/hand`, "POST", { raised: true }],
      [`/api/rooms/${slug}/reactions`, "POST", { emoji: "👍" }],
      [`/api/rooms/${slug}/chat`, "GET", undefined],
      [`/api/rooms/${slug}/chat`, "POST", { text: "hi" }],
      [`/api/rooms/${slug}/chat`, "PATCH", { enabled: false }],
      [`/api/rooms/${slug}/participants/${memberIdentity}/hand`, "DELETE", undefined],
    ] as const) {
      expect((await anonymous.request(path, { method, json })).status, `${method} ${path}`).toBe(401);
    }
  });

  it("a member with access who is not in the meeting, and a guest knocking at the door, get 403 not_in_meeting", async () => {
    const { client: outside } = await newMember("Outside");
    expect((await viewer.request(`/api/rooms/${slug}/knock`, { method: "POST" })).status).toBe(200);
    for (const client of [outside, viewer]) {
      for (const [path, method, json] of [
        [`/api/rooms/${slug}/hand`, "POST", { raised: true }],
        [`/api/rooms/${slug}/reactions`, "POST", { emoji: "👍" }],
        [`/api/rooms/${slug}/chat`, "GET", undefined],
        [`/api/rooms/${slug}/chat`, "POST", { text: "let me in" }],
      ] as const) {
        const { status, body } = await client.json<ErrorBody>(path, { method, json });
        expect(status, `${method} ${path}`).toBe(403);
        expect(body.error.code).toBe("not_in_meeting");
      }
    }
    const stored = select<{ n: number }>(`SELECT COUNT(*) AS n FROM "ChatMessage" WHERE "text" = 'let me in'`);
    expect(stored[0]!.n).toBe(0);
  });

  it("a member of an invite-only room without a link is refused by the rules", async () => {
    const { host: owner, room } = await hostWithRoom("Closed");
    expect(
      (
        await owner.request(`/api/rooms/${room.slug}/settings`, {
          method: "PATCH",
          json: { joinPolicy: "INVITE_ONLY" },
        })
      ).status,
    ).toBe(200);
    const { client: stranger } = await newMember("Stranger");
    const { status, body } = await stranger.json<ErrorBody>(`/api/rooms/${room.slug}/chat`, {
      method: "POST",
      json: { text: "hello?" },
    });
    expect(status).toBe(403);
    expect(body.error.code).toBe("invite_required");
  });

  it("bad input is a 400 with the reason", async () => {
    for (const [path, json] of [
      [`/api/rooms/${slug}/hand`, { raised: "yes" }],
      [`/api/rooms/${slug}/hand`, { raised: true, extra: 1 }],
      [`/api/rooms/${slug}/reactions`, { emoji: "💩" }],
      [`/api/rooms/${slug}/reactions`, {}],
      [`/api/rooms/${slug}/chat`, {}],
      [`/api/rooms/${slug}/chat`, { text: 42 }],
      [`/api/rooms/${slug}/chat`, { text: " \n\t " }],
    ] as const) {
      const { status, body } = await member.json<ErrorBody>(path, { method: "POST", json });
      expect(status, `${path} ${JSON.stringify(json)}`).toBe(400);
      expect(body.error.code).toBe("invalid_request");
    }
    const notJson = await member.request(`/api/rooms/${slug}/chat`, {
      method: "POST",
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
  });
});

describe("raised hands", () => {
  it("are set on the participant in LiveKit; only hosts lower someone else's", async () => {
    const raised = await member.json<{ raisedAt: number }>(`/api/rooms/${slug}/hand`, {
      method: "POST",
      json: { raised: true },
    });
    expect(raised.status).toBe(200);
    expect(await handOf(slug, memberIdentity)).toBe(String(raised.body.raisedAt));
    // Raising again keeps the place in the queue.
    const again = await member.json<{ raisedAt: number }>(`/api/rooms/${slug}/hand`, {
      method: "POST",
      json: { raised: true },
    });
    expect(again.body.raisedAt).toBe(raised.body.raisedAt);

    const byParticipant = await member.json<ErrorBody>(`/api/rooms/${slug}/participants/${hostIdentity}/hand`, {
      method: "DELETE",
    });
    expect(byParticipant.status).toBe(403);
    expect(byParticipant.body.error.code).toBe("forbidden");

    expect(
      (await host.request(`/api/rooms/${slug}/participants/${memberIdentity}/hand`, { method: "DELETE" })).status,
    ).toBe(200);
    expect(await handOf(slug, memberIdentity)).toBe("");
    expect((await host.request(`/api/rooms/${slug}/participants/nobody-here/hand`, { method: "DELETE" })).status).toBe(
      404,
    );
  });
});

describe("chat", () => {
  it("is stored with the meeting and read back by those in it", async () => {
    const sent = await member.json<{ message: { id: string; text: string; name: string } }>(`/api/rooms/${slug}/chat`, {
      method: "POST",
      json: { text: "  <b>hi</b> https://example.org  " },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message.text).toBe("<b>hi</b> https://example.org");
    const read = await host.json<{ enabled: boolean; messages: { id: string }[] }>(`/api/rooms/${slug}/chat`);
    expect(read.status).toBe(200);
    expect(read.body.enabled).toBe(true);
    expect(read.body.messages.map((message) => message.id)).toContain(sent.body.message.id);
    const [row] = select<{ text: string; meetingId: string }>(
      `SELECT "text", "meetingId" FROM "ChatMessage" WHERE "id" = ?`,
      sent.body.message.id,
    );
    expect(row!.text).toBe("<b>hi</b> https://example.org");
    const [meeting] = select<{ slug: string; endedAt: string | null }>(
      `SELECT r."slug", m."endedAt" FROM "Meeting" m JOIN "Room" r ON r."id" = m."roomId" WHERE m."id" = ?`,
      row!.meetingId,
    );
    expect(meeting).toEqual({ slug, endedAt: null });
  });

  it("refuses a message over 2,000 characters, saying how long it was", async () => {
    const { status, body } = await member.json<ErrorBody>(`/api/rooms/${slug}/chat`, {
      method: "POST",
      json: { text: "y".repeat(10_000) },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("message_too_long");
    expect(body.error.message).toContain("at most 2,000 characters; this one has 10,000");
  });

  it("the host turns it off (participants may not); then nobody can send, and on again", async () => {
    const byParticipant = await member.json<ErrorBody>(`/api/rooms/${slug}/chat`, {
      method: "PATCH",
      json: { enabled: false },
    });
    expect(byParticipant.status).toBe(403);
    expect((await host.request(`/api/rooms/${slug}/chat`, { method: "PATCH", json: { enabled: false } })).status).toBe(
      200,
    );
    const refused = await member.json<ErrorBody>(`/api/rooms/${slug}/chat`, { method: "POST", json: { text: "hm" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("chat_off");
    expect(refused.body.error.message).toMatch(/turned chat off for this meeting/);
    expect((await member.json<{ enabled: boolean }>(`/api/rooms/${slug}/chat`)).body.enabled).toBe(false);
    expect((await host.request(`/api/rooms/${slug}/chat`, { method: "PATCH", json: { enabled: true } })).status).toBe(
      200,
    );
    expect((await member.request(`/api/rooms/${slug}/chat`, { method: "POST", json: { text: "back" } })).status).toBe(
      201,
    );
  });

  it("exports as text for the owner only", async () => {
    const [meeting] = select<{ id: string }>(
      `SELECT m."id" FROM "Meeting" m JOIN "Room" r ON r."id" = m."roomId" WHERE r."slug" = ? ORDER BY m."startedAt" DESC`,
      slug,
    );
    const exported = await host.request(`/api/rooms/${slug}/meetings/${meeting!.id}/chat`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const text = await exported.text();
    expect(text).toContain("<b>hi</b> https://example.org");
    expect(text).toContain("back");
    expect((await member.request(`/api/rooms/${slug}/meetings/${meeting!.id}/chat`)).status).toBe(403);
    expect((await host.request(`/api/rooms/${slug}/meetings/nope/chat`)).status).toBe(404);
  });
});
