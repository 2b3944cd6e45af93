import { createHash } from "node:crypto";
import { TokenVerifier } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../support/database";
import { hostWithRoom, signedUp } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { openSignal } from "../support/livekit";
import { stack } from "../support/stack";

type ErrorBody = { error: { code: string; message: string } };

// Links, not the waiting room (tests/integration/waiting-room.test.ts), are what these tests are about.
async function hostWithOpenRoom(name = "Invites") {
  const made = await hostWithRoom(name);
  await made.host.letEveryoneIn(made.room.slug);
  return made;
}

const claimsOf = (token: string) => new TokenVerifier(stack.livekitKey, stack.livekitSecret).verify(token);

describe("invite links", () => {
  it("carry 128+ bits and are stored only as a hash", async () => {
    const { host, room } = await hostWithOpenRoom();
    const invite = await host.createInvite(room.slug, { role: "participant", label: "Board members" });
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256-bit HMAC output, keyed by a 128-bit nonce
    const row = withDatabase(
      (db) => db.prepare(`SELECT * FROM "Invite" WHERE "id" = ?`).get(invite.id) as Record<string, unknown>,
    );
    expect(row.tokenHash).toBe(createHash("sha256").update(invite.token).digest("hex"));
    expect(Object.values(row).some((value) => typeof value === "string" && value.includes(invite.token))).toBe(false);
    // The host can still copy it: the server derives it again.
    const list = await host.json<{ invites: { id: string; url: string; label: string; role: string; uses: number }[] }>(
      `/api/rooms/${room.slug}/invites`,
    );
    expect(list.body.invites).toEqual([
      expect.objectContaining({
        id: invite.id,
        url: `/j/${invite.token}`,
        label: "Board members",
        role: "participant",
        uses: 0,
      }),
    ]);
  });

  it("a revoked link is refused by the server with 410, and its page says so without naming the room", async () => {
    const { host, room } = await hostWithOpenRoom("Secret board meeting");
    const invite = await host.createInvite(room.slug, { role: "participant" });
    expect((await host.request(`/api/rooms/${room.slug}/invites/${invite.id}/revoke`, { method: "POST" })).status).toBe(
      200,
    );
    const { status, body } = await new HttpClient().redeem(invite.token, "Mallory");
    expect(status).toBe(410);
    expect(body.error).toEqual({ code: "invite_revoked", message: "This invite link was revoked by the host." });
    const page = await (await new HttpClient().request(`/j/${invite.token}`)).text();
    expect(page).toContain("This invite link was revoked");
    expect(page).not.toContain("Secret board meeting");
    expect(page).not.toContain(room.slug);
  });

  it("an expired link is refused with 410 invite_expired", async () => {
    const { host, room } = await hostWithOpenRoom();
    const invite = await host.createInvite(room.slug, { role: "participant" });
    withDatabase((db) =>
      db.prepare(`UPDATE "Invite" SET "expiresAt" = ? WHERE "id" = ?`).run("2020-01-01T00:00:00.000+00:00", invite.id),
    );
    const { status, body } = await new HttpClient().redeem(invite.token, "Late Larry");
    expect(status).toBe(410);
    expect(body.error?.code).toBe("invite_expired");
    expect(await (await new HttpClient().request(`/j/${invite.token}`)).text()).toContain(
      "This invite link has expired",
    );
  });

  it("a personal link is single-use: a forwarded copy is refused, its owner may come back", async () => {
    const { host, room } = await hostWithOpenRoom();
    const invite = await host.createInvite(room.slug, {
      role: "participant",
      invitee: { name: "Dana", email: "dana@example.org" },
    });
    const dana = new HttpClient();
    expect((await dana.redeem(invite.token, "Dana")).status).toBe(200);
    const stranger = await new HttpClient().redeem(invite.token, "Stranger");
    expect(stranger.status).toBe(410);
    expect(stranger.body.error?.code).toBe("invite_used_up");
    expect(await (await new HttpClient().request(`/j/${invite.token}`)).text()).toContain(
      "This invite link has been used up",
    );
    expect((await dana.redeem(invite.token)).status).toBe(200); // same browser, same guest
    const list = await host.json<{
      invites: { uses: number; maxUses: number; usedBy: { name: string | null; guest: boolean }[]; invitee: unknown }[];
    }>(`/api/rooms/${room.slug}/invites`);
    expect(list.body.invites[0]).toMatchObject({
      uses: 1,
      maxUses: 1,
      usedBy: [{ name: "Dana", guest: true }],
      invitee: { name: "Dana", email: "dana@example.org" },
    });
  });

  it("is never used more often than it allows, however many try at once", async () => {
    const { host, room } = await hostWithOpenRoom();
    const invite = await host.createInvite(room.slug, { role: "participant", maxUses: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => new HttpClient().redeem(invite.token, `Rush ${i}`)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 410)).toHaveLength(5);
    const uses = withDatabase(
      (db) => (db.prepare(`SELECT "uses" FROM "Invite" WHERE "id" = ?`).get(invite.id) as { uses: number }).uses,
    );
    expect(uses).toBe(3);
  });

  it("a viewer link gives a token that can subscribe and chat but publish nothing", async () => {
    const { host, room } = await hostWithOpenRoom();
    const invite = await host.createInvite(room.slug, { role: "viewer" });
    const { status, body } = await new HttpClient().redeem(invite.token, "Vera");
    expect(status).toBe(200);
    expect(body.role).toBe("viewer");
    const claims = await claimsOf(body.token);
    expect(claims.video).toMatchObject({
      room: room.slug,
      canPublish: false,
      canPublishSources: [],
      canSubscribe: true,
      canPublishData: false,
      roomAdmin: false,
    });
  });

  it("an unknown token is 404 and a malformed one 400", async () => {
    const unknown = await new HttpClient().redeem("A".repeat(43), "Nobody");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe("invite_not_found");
    expect((await new HttpClient().request(`/j/${"A".repeat(43)}`)).status).toBe(404);
    const malformed = await new HttpClient().redeem("../../etc/passwd", "Nobody");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.code).toBe("invalid_request");
  });
});

describe("guests", () => {
  it("keep one identity across reloads, and everyone sees they are guests", async () => {
    const { host, room } = await hostWithOpenRoom();
    const invite = await host.createInvite(room.slug, { role: "participant" });
    const guest = new HttpClient();
    const first = await guest.redeem(invite.token, "  Gwen  ");
    const again = await guest.json<{ token: string }>(`/api/rooms/${room.slug}/token`, { method: "POST" });
    const [a, b] = [await claimsOf(first.body.token), await claimsOf(again.body.token)];
    expect(a.sub).toMatch(/^guest_/);
    expect(b.sub).toBe(a.sub);
    expect(a.name).toBe("Gwen (guest)");
    expect(a.attributes).toMatchObject({ "parley.kind": "guest" });
  });

  it("cannot use any other part of the app", async () => {
    const { host, room } = await hostWithOpenRoom();
    const other = await host.createRoom("Another room");
    const guest = new HttpClient();
    await guest.redeem((await host.createInvite(room.slug, { role: "participant" })).token, "Gil");
    expect((await guest.request("/api/rooms")).status).toBe(401);
    expect((await guest.request("/api/rooms", { method: "POST", json: {} })).status).toBe(401);
    expect((await guest.request(`/api/rooms/${other.slug}/token`, { method: "POST" })).status).toBe(401);
    expect((await guest.request(`/api/rooms/${room.slug}/invites`)).status).toBe(403);
    expect((await guest.request("/")).headers.get("location")).toContain("/signin");
  });

  it("are refused where the room admits none, while members with the link get in", async () => {
    const { host, room } = await hostWithOpenRoom();
    await host.request(`/api/rooms/${room.slug}/settings`, { method: "PATCH", json: { allowGuests: false } });
    const invite = await host.createInvite(room.slug, { role: "participant" });
    const guest = await new HttpClient().redeem(invite.token, "Gary");
    expect(guest.status).toBe(401);
    expect(guest.body.error?.code).toBe("guests_not_allowed");
    const { client: member } = await signedUp("Member");
    expect((await member.redeem(invite.token)).status).toBe(200);
  });

  it("already admitted are refused with 403 once the room stops admitting guests", async () => {
    const { host, room } = await hostWithOpenRoom();
    const guest = new HttpClient();
    expect(
      (await guest.redeem((await host.createInvite(room.slug, { role: "participant" })).token, "Gail")).status,
    ).toBe(200);
    await host.request(`/api/rooms/${room.slug}/settings`, { method: "PATCH", json: { allowGuests: false } });
    const again = await guest.json<ErrorBody>(`/api/rooms/${room.slug}/token`, { method: "POST" });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe("guests_no_longer_allowed");
  });

  it("need their name: missing, too long or with control characters is a 400 and uses nothing", async () => {
    const { host, room } = await hostWithOpenRoom();
    const invite = await host.createInvite(room.slug, { role: "participant", maxUses: 1 });
    for (const name of [undefined, "", "x".repeat(65), "bell\u0007"]) {
      const { status } = await new HttpClient().redeem(invite.token, name);
      expect(status, JSON.stringify(name)).toBe(400);
    }
    expect((await new HttpClient().redeem(invite.token, "Finally Valid")).status).toBe(200);
  });
});

describe("room settings", () => {
  it("a full room refuses one more person, and the media server carries the same limit", async () => {
    const { host, room } = await hostWithOpenRoom();
    expect(
      (await host.request(`/api/rooms/${room.slug}/settings`, { method: "PATCH", json: { maxParticipants: 2 } }))
        .status,
    ).toBe(200);
    const invite = await host.createInvite(room.slug, { role: "participant" });
    const sockets = [];
    try {
      for (const name of ["One", "Two"])
        sockets.push(await openSignal((await new HttpClient().redeem(invite.token, name)).body.token));
      await expect
        .poll(async () => (await stack.roomService().listParticipants(room.slug)).length, { timeout: 10_000 })
        .toBe(2);
      const third = await new HttpClient().redeem(invite.token, "Three");
      expect(third.status).toBe(403);
      expect(third.body.error).toEqual({ code: "room_full", message: "This meeting is full (2 people)." });
      const [livekitRoom] = await stack.roomService().listRooms([room.slug]);
      expect(livekitRoom?.maxParticipants).toBe(2);
    } finally {
      sockets.forEach((socket) => socket.close());
    }
  });

  it("bad input is a 400 with the error body and changes nothing", async () => {
    const { host, room } = await hostWithOpenRoom();
    const bad: Record<string, unknown>[] = [
      { role: "superuser" },
      { role: "participant", expiresAt: "2001-01-01T00:00:00Z" },
      { role: "participant", expiresAt: "tomorrow" },
      { role: "participant", maxUses: -1 },
      { role: "participant", maxUses: 1.5 },
      { role: "participant", label: "x".repeat(81) },
      { role: "participant", invitee: { name: "x".repeat(65) } },
      { role: "participant", invitee: { name: "Ok", email: "nope" } },
      { role: "participant", tokenHash: "mine" },
    ];
    for (const json of bad) {
      const { status, body } = await host.json<ErrorBody>(`/api/rooms/${room.slug}/invites`, { method: "POST", json });
      expect(status, JSON.stringify(json)).toBe(400);
      expect(body.error.code).toBe("invalid_request");
    }
    for (const json of [{ maxParticipants: -1 }, { joinPolicy: "EVERYONE" }, { allowGuests: "yes" }, { owner: "me" }]) {
      const { status } = await host.json<ErrorBody>(`/api/rooms/${room.slug}/settings`, { method: "PATCH", json });
      expect(status, JSON.stringify(json)).toBe(400);
    }
    const list = await host.json<{ invites: unknown[] }>(`/api/rooms/${room.slug}/invites`);
    expect(list.body.invites).toEqual([]);
    const settings = withDatabase((db) =>
      db.prepare(`SELECT "joinPolicy", "allowGuests", "maxParticipants" FROM "Room" WHERE "slug" = ?`).get(room.slug),
    );
    expect(settings).toEqual({ joinPolicy: "MEMBERS", allowGuests: 1, maxParticipants: null });
  });
});
