import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../support/database";
import { hostWithRoom } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { livekitValidate, openSignal, participantsIn } from "../support/livekit";
import { stack } from "../support/stack";

type Credentials = { serverUrl: string; token: string; room: { slug: string; name: string } };

describe("the token route", () => {
  it("refuses an anonymous caller with 401 and the error body", async () => {
    const { room } = await hostWithRoom("Token test");
    const { status, body } = await new HttpClient().json(`/api/rooms/${room.slug}/token`, { method: "POST" });
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("answers 404 with the error body for an unknown room and for anything that cannot be a room", async () => {
    const { host: client } = await hostWithRoom("Token test");
    for (const slug of ["zzz-zzzz-zzz", "not-a-slug", "..%2F..%2Fetc", "%E2%80%AEabc-defg-hij"]) {
      const { status, body } = await client.json(`/api/rooms/${slug}/token`, { method: "POST" });
      expect(status, slug).toBe(404);
      expect(body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
  });

  it("mints a token the LiveKit server accepts, for that room only, expiring within minutes", async () => {
    const { host: client, user, room } = await hostWithRoom("Token test");
    const { status, body } = await client.json<Credentials>(`/api/rooms/${room.slug}/token`, { method: "POST" });
    expect(status).toBe(200);
    expect(body.serverUrl).toBe(stack.livekitUrl.replace(/^http/, "ws"));
    expect(await livekitValidate(body.token)).toBe(200);

    const claims = await new TokenVerifier(stack.livekitKey, stack.livekitSecret).verify(body.token);
    expect(claims.sub).toBe(user.id);
    expect(claims.video).toMatchObject({
      room: room.slug,
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: false,
      roomAdmin: false,
      roomCreate: false,
    });
    expect((claims.exp ?? 0) - Date.now() / 1000).toBeLessThanOrEqual(10 * 60);

    // The app opened the room on the media server, with an empty-room timeout.
    const [livekitRoom] = await stack.roomService().listRooms([room.slug]);
    expect(livekitRoom?.name).toBe(room.slug);
    expect(livekitRoom?.emptyTimeout).toBe(300);
  });

  it("hands out tokens with which a participant lands in room A and never in room B", async () => {
    const { host: client, user, room: roomA } = await hostWithRoom("Token test");
    const roomB = await client.createRoom("Room B");
    await client.json(`/api/rooms/${roomB.slug}/token`, { method: "POST" }); // opens B on the media server
    const { body } = await client.json<Credentials>(`/api/rooms/${roomA.slug}/token`, { method: "POST" });

    // Re-pointing the token at room B breaks its signature.
    const [header, payload, signature] = body.token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
    claims.video.room = roomB.slug;
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
    expect(await livekitValidate(forged)).toBe(401);

    // Joining with the real token puts the user in A only.
    const socket = await openSignal(body.token);
    try {
      await expect.poll(() => participantsIn(roomA.slug), { timeout: 10_000 }).toContain(user.id);
      expect(await participantsIn(roomB.slug)).not.toContain(user.id);
    } finally {
      socket.close();
    }
  });

  it("answers 410 for a meeting that has ended", async () => {
    const { host: client, room } = await hostWithRoom("Token test");
    withDatabase((database) =>
      database
        .prepare(`UPDATE "Room" SET "endedAt" = ? WHERE "slug" = ?`)
        .run(new Date().toISOString().replace("Z", "+00:00"), room.slug),
    );
    const { status, body } = await client.json(`/api/rooms/${room.slug}/token`, { method: "POST" });
    expect(status).toBe(410);
    expect(body).toEqual({ error: { code: "room_ended", message: "This meeting has ended." } });
  });

  it("cannot be side-stepped: the media server opens no room the app did not create", async () => {
    const token = new AccessToken(stack.livekitKey, stack.livekitSecret, { identity: "intruder", ttl: 60 });
    token.addGrant({ room: "made-up-room", roomJoin: true });
    expect(await livekitValidate(await token.toJwt())).toBe(404);
  });
});
