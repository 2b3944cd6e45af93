// Every token for a meeting is a recorded join attempt; LiveKit's participant_joined marks it
// arrived; the browser may report why it could not connect, for its own attempts only.
import { describe, expect, it } from "vitest";
import { select } from "../support/database";
import { newMember, newPerson } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { stack } from "../support/stack";
import { deliverWebhook, webhookEvent } from "../support/webhooks";

type AttemptRow = {
  id: string;
  identity: string;
  name: string;
  userId: string | null;
  guestId: string | null;
  inviteId: string | null;
  arrivedAt: string | null;
  failureReason: string | null;
  failureMessage: string | null;
};
const attempt = (id: string) => select<AttemptRow>("SELECT * FROM JoinAttempt WHERE id = ?", id)[0];

async function hostWithRoom() {
  const host = new HttpClient();
  const user = await host.signUp(newPerson("Host"));
  const room = await host.createRoom("Join attempts");
  return { host, user, room };
}

describe("join attempts", () => {
  it("each token is recorded with who, which room and which link; LiveKit's participant_joined marks it arrived", async () => {
    const { host, user, room } = await hostWithRoom();
    const { status, body } = await host.json<{ attemptId: string }>(`/api/rooms/${room.slug}/token`, {
      method: "POST",
    });
    expect(status).toBe(200);
    expect(attempt(body.attemptId)).toMatchObject({
      identity: user.id,
      userId: user.id,
      guestId: null,
      inviteId: null,
      arrivedAt: null,
      failureReason: null,
    });

    // Guests come straight in here: the waiting room (tests/integration/waiting-room.test.ts) is not what this is about.
    expect(
      (await host.request(`/api/rooms/${room.slug}/settings`, { method: "PATCH", json: { waitingRoom: "NOBODY" } }))
        .status,
    ).toBe(200);
    const invite = await host.createInvite(room.slug, { role: "participant" });
    const guest = new HttpClient();
    const redeemed = await guest.json<{ attemptId: string }>("/api/invites/redeem", {
      method: "POST",
      json: { token: invite.token, name: "Gina" },
    });
    expect(redeemed.status).toBe(200);
    const guestAttempt = attempt(redeemed.body.attemptId)!;
    expect(guestAttempt).toMatchObject({ name: "Gina (guest)", userId: null, inviteId: invite.id });
    expect(guestAttempt.guestId).toBe(guestAttempt.identity);

    const at = new Date();
    const [livekitRoom] = await stack.roomService().listRooms([room.slug]);
    const joined = webhookEvent("participant_joined", {
      room: livekitRoom!.toJson() as Record<string, unknown>,
      participant: {
        sid: `PA_${Date.now().toString(36)}`,
        identity: user.id,
        name: user.id,
        state: "ACTIVE",
        joinedAt: String(Math.floor(at.getTime() / 1000)),
      },
      at,
    });
    expect((await deliverWebhook(joined)).status).toBe(200);
    expect(attempt(body.attemptId)!.arrivedAt).not.toBeNull();
    expect(attempt(redeemed.body.attemptId)!.arrivedAt).toBeNull();
  });

  it("the browser reports a failed connection for its own attempt, with LiveKit's reason", async () => {
    const { host, room } = await hostWithRoom();
    const { body } = await host.json<{ attemptId: string }>(`/api/rooms/${room.slug}/token`, { method: "POST" });
    const reported = await host.request("/api/join-failures", {
      method: "POST",
      json: {
        attemptId: body.attemptId,
        reason: "ServerUnreachable",
        message: "could not establish signal connection",
      },
    });
    expect(reported.status).toBe(204);
    expect(attempt(body.attemptId)).toMatchObject({
      failureReason: "ServerUnreachable",
      failureMessage: "could not establish signal connection",
    });
  });

  it("nobody can report on someone else's attempt, nor without signing in, nor with a made-up reason", async () => {
    const { host, room } = await hostWithRoom();
    const { body } = await host.json<{ attemptId: string }>(`/api/rooms/${room.slug}/token`, { method: "POST" });
    const { client: stranger } = await newMember("Stranger");
    const failure = { attemptId: body.attemptId, reason: "ServerUnreachable", message: "" };
    const other = await stranger.json<{ error: { code: string } }>("/api/join-failures", {
      method: "POST",
      json: failure,
    });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe("not_found");
    expect((await new HttpClient().request("/api/join-failures", { method: "POST", json: failure })).status).toBe(401);
    const invented = await host.json<{ error: { code: string } }>("/api/join-failures", {
      method: "POST",
      json: { ...failure, reason: "<script>" },
    });
    expect(invented.status).toBe(400);
    expect(attempt(body.attemptId)!.failureReason).toBeNull();
  });

  it("reports are rate limited per person", async () => {
    const client = new HttpClient(stack.strictAppUrl);
    await client.signUp(newPerson("Reporter"));
    const limit = stack.strictAppEnv.RATE_LIMIT_JOIN_FAILURE_REPORTS_PER_CALLER.limit;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++)
      statuses.push(
        (
          await client.request("/api/join-failures", {
            method: "POST",
            json: { attemptId: "no-such-attempt", reason: "Timeout" },
          })
        ).status,
      );
    expect(statuses.slice(0, limit).every((status) => status === 404)).toBe(true);
    expect(statuses[limit]).toBe(429);
  });
});

describe("the connection check's token", () => {
  it("opens a room of the caller's own that is no meeting, with a token LiveKit accepts, for that room only, to publish camera and microphone", async () => {
    const { client } = await newMember("Checker");
    const first = await client.json<{ serverUrl: string; token: string; roomOpened: boolean }>("/api/check/token", {
      method: "POST",
    });
    expect(first.status).toBe(200);
    expect(first.body.roomOpened).toBe(true);
    const claims = JSON.parse(Buffer.from(first.body.token.split(".")[1]!, "base64url").toString()) as {
      sub: string;
      exp: number;
      video: Record<string, unknown>;
    };
    expect(claims.video).toMatchObject({
      roomJoin: true,
      canPublish: true,
      canSubscribe: false,
      canPublishData: false,
      canPublishSources: ["camera", "microphone"],
      roomAdmin: false,
      roomCreate: false,
    });
    expect(String(claims.video.room)).toMatch(/^check_[0-9a-f]{24}$/);
    expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(3 * 60);
    const [room] = await stack.roomService().listRooms([String(claims.video.room)]);
    expect(room?.name).toBe(claims.video.room);
    const validated = await fetch(
      `${stack.livekitUrl}/rtc/validate?access_token=${encodeURIComponent(first.body.token)}`,
    );
    expect(validated.status).toBe(200);

    // The same person gets the same room again; someone else another.
    const again = JSON.parse(
      Buffer.from(
        (await client.json<{ token: string }>("/api/check/token", { method: "POST" })).body.token.split(".")[1]!,
        "base64url",
      ).toString(),
    ) as { video: { room: string } };
    expect(again.video.room).toBe(claims.video.room);
    const { client: other } = await newMember("Other");
    const theirs = JSON.parse(
      Buffer.from(
        (await other.json<{ token: string }>("/api/check/token", { method: "POST" })).body.token.split(".")[1]!,
        "base64url",
      ).toString(),
    ) as { video: { room: string } };
    expect(theirs.video.room).not.toBe(claims.video.room);
  });

  it("is refused without signing in, and rate limited per person", async () => {
    expect((await new HttpClient().request("/api/check/token", { method: "POST" })).status).toBe(401);
    const client = new HttpClient(stack.strictAppUrl);
    await client.signUp(newPerson("Checker"));
    const limit = stack.strictAppEnv.RATE_LIMIT_CONNECTION_CHECK_PER_CALLER.limit;
    for (let i = 0; i < limit; i++)
      expect((await client.request("/api/check/token", { method: "POST" })).status).toBe(200);
    const refused = await client.request("/api/check/token", { method: "POST" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
