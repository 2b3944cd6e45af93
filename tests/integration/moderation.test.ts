// Hosts and co-hosts running a meeting, against the running app and the real LiveKit server: what
// they decide takes effect on LiveKit, is written to the audit log, and holds against everything
// already handed out (the tokens people hold, the access their links gave). Participants here
// connect for signalling only (tests/support/livekit.ts), which is enough to be in the meeting.
import { randomBytes } from "node:crypto";
import { SignalResponse } from "@livekit/protocol";
import WebSocket from "ws";
import { afterAll, describe, expect, it } from "vitest";
import { meetingsOf, select } from "../support/database";
import { newMember, signedInAdmin } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { closedByServer, joinMeeting, openSignal, participantsIn, type InMeeting } from "../support/livekit";
import { stack } from "../support/stack";
import { deliverWebhook, joinedEvent } from "../support/webhooks";

type ErrorBody = { error: { code: string; message: string } };
type AuditRow = { actorId: string; action: string; targetType: string; targetId: string; targetLabel: string };

// The bound: a connection with a token that no longer admits anyone is refused or cut within this.
const CUT_WITHIN_MS = 2000;

const sockets: WebSocket[] = [];
afterAll(() => sockets.forEach((socket) => socket.close()));

const tagged = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const auditOf = (...targetIds: string[]) =>
  select<AuditRow>(
    `SELECT "actorId", "action", "targetType", "targetId", "targetLabel" FROM "AuditEntry" WHERE "targetId" IN (${targetIds.map(() => "?").join(", ")}) ORDER BY rowid`,
    ...targetIds,
  );
const removalsIn = (slug: string) =>
  select<{ identity: string; name: string; removedById: string | null }>(
    `SELECT rr."identity", rr."name", rr."removedById" FROM "RoomRemoval" rr JOIN "Room" r ON r."id" = rr."roomId" WHERE r."slug" = ? ORDER BY rr."identity"`,
    slug,
  );
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { attributes?: Record<string, string> };

function tokenFor(client: HttpClient, slug: string) {
  return client.json<ErrorBody & { token: string }>(`/api/rooms/${slug}/token`, { method: "POST" });
}

/** Joins with a fresh token from the app; the connection is closed when the file ends. */
async function enters(client: HttpClient, slug: string): Promise<InMeeting & { token: string }> {
  const { status, body } = await tokenFor(client, slug);
  if (status !== 200) throw new Error(`no token for ${slug}: ${status} ${JSON.stringify(body)}`);
  const inMeeting = await joinMeeting(body.token);
  sockets.push(inMeeting.socket);
  return { ...inMeeting, token: body.token };
}

/** Connects with a token someone held; resolves once LiveKit refused it or cut the connection, with how long that took. */
async function refusedOrCut(token: string): Promise<{ refused: boolean; cutAfterMs: number }> {
  const started = Date.now();
  let socket: WebSocket;
  try {
    socket = await openSignal(token);
  } catch {
    return { refused: true, cutAfterMs: Date.now() - started };
  }
  sockets.push(socket);
  await closedByServer(socket, 10_000);
  return { refused: false, cutAfterMs: Date.now() - started };
}

/** The fresh token LiveKit sends over the signal connection of someone who has just joined with `token`. */
function tokenLiveKitRenews(token: string): Promise<string> {
  const socket = new WebSocket(
    `${stack.livekitUrl.replace(/^http/, "ws")}/rtc?access_token=${encodeURIComponent(token)}&auto_subscribe=1&sdk=js&protocol=15`,
  );
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("LiveKit sent no fresh token")), 10_000);
    socket.on("message", (data: Buffer) => {
      const { message } = SignalResponse.fromBinary(new Uint8Array(data));
      if (message.case !== "refreshToken") return;
      clearTimeout(timer);
      resolve(message.value);
    });
    socket.once("error", reject);
  });
}

/** An invite-only room (nobody gets in without a link, and then at once: no waiting room) whose owner is in its meeting. */
async function roomWithHost(label: string) {
  const owner = await newMember("Owner");
  const room = await owner.client.createRoom(tagged(label));
  expect(
    (
      await owner.client.json(`/api/rooms/${room.slug}/settings`, {
        method: "PATCH",
        json: { joinPolicy: "INVITE_ONLY", waitingRoom: "NOBODY" },
      })
    ).status,
  ).toBe(200);
  const host = await enters(owner.client, room.slug);
  // LiveKit reports no webhook for a signal-only participant: the app hears of the meeting here.
  expect((await deliverWebhook(joinedEvent(host))).status).toBe(200);
  return { owner, room, host };
}

async function memberThroughLink(owner: HttpClient, slug: string, role: "participant" | "cohost", label: string) {
  const member = await newMember(label);
  const invite = await owner.createInvite(slug, { role });
  expect((await member.client.redeem(invite.token)).status).toBe(200);
  return { ...member, invite };
}

async function guestThroughLink(owner: HttpClient, slug: string, name: string) {
  const client = new HttpClient();
  const invite = await owner.createInvite(slug, { role: "participant" });
  const { status, body } = await client.redeem(invite.token, name);
  expect(status).toBe(200);
  const identity = (claimsOf(body.token) as { sub?: string }).sub!;
  return { client, invite, identity };
}

describe("removing someone", () => {
  it("a co-host removes a guest: the token route refuses them naming who, the token they held is cut, and once let back in they join", async () => {
    const { owner, room, host } = await roomWithHost("Removal");
    const cara = await memberThroughLink(owner.client, room.slug, "cohost", "Cara");
    await enters(cara.client, room.slug);
    const gus = await guestThroughLink(owner.client, room.slug, "Gus");
    const held = await enters(gus.client, room.slug);

    const remove = await cara.client.json(`/api/rooms/${room.slug}/participants/${gus.identity}/remove`, {
      method: "POST",
    });
    expect(remove).toEqual({ status: 200, body: { removed: true } });
    await closedByServer(held.socket);
    expect((await participantsIn(room.slug)).sort()).toEqual([owner.user.id, cara.user.id].sort());
    expect(removalsIn(room.slug)).toEqual([{ identity: gus.identity, name: "Gus (guest)", removedById: cara.user.id }]);

    // No new token, and the page can say who did it.
    expect(await tokenFor(gus.client, room.slug)).toEqual({
      status: 403,
      body: {
        error: {
          code: "removed",
          message: `${cara.user.name} removed you from this meeting. A host can let you back in.`,
        },
      },
    });
    expect(await gus.client.json(`/api/rooms/${room.slug}/departure`)).toEqual({
      status: 200,
      body: { removedBy: cara.user.name, accessRevokedBy: null, endedBy: null, roomClosed: false },
    });
    const listed = await owner.client.json<{ removals: { identity: string; name: string; removedBy: string }[] }>(
      `/api/rooms/${room.slug}/removals`,
    );
    expect(listed.body.removals).toEqual([
      { identity: gus.identity, name: "Gus (guest)", removedBy: cara.user.name, removedAt: expect.any(String) },
    ]);

    // The token Gus held when he was removed (still within its lifetime) gets him nowhere.
    const comeback = await refusedOrCut(held.token);
    expect(comeback.cutAfterMs).toBeLessThan(CUT_WITHIN_MS);
    expect(await participantsIn(room.slug)).not.toContain(gus.identity);

    // The owner lets him back in: a new token, and he stays.
    expect(await owner.client.json(`/api/rooms/${room.slug}/removals/${gus.identity}`, { method: "DELETE" })).toEqual({
      status: 200,
      body: { letBackIn: true },
    });
    expect(removalsIn(room.slug)).toEqual([]);
    await enters(gus.client, room.slug);
    await sleep(CUT_WITHIN_MS + 500);
    expect(await participantsIn(room.slug)).toContain(gus.identity);
    expect(host.socket.readyState).toBe(host.socket.OPEN);

    expect(auditOf(gus.identity).map(({ actorId, action, targetLabel }) => ({ actorId, action, targetLabel }))).toEqual(
      [
        { actorId: cara.user.id, action: "participant.remove", targetLabel: "Gus (guest)" },
        { actorId: owner.user.id, action: "participant.let_back_in", targetLabel: "Gus (guest)" },
      ],
    );
  }, 60_000);

  it("an admin's removal from the console holds the same way", async () => {
    const admin = await signedInAdmin();
    const { owner, room } = await roomWithHost("Admin removal");
    const mo = await memberThroughLink(owner.client, room.slug, "participant", "Mo");
    const held = await enters(mo.client, room.slug);
    expect(
      (await admin.client.json(`/api/admin/rooms/${room.slug}/participants/${mo.user.id}/remove`, { method: "POST" }))
        .status,
    ).toBe(200);
    await closedByServer(held.socket);
    expect((await tokenFor(mo.client, room.slug)).body.error.code).toBe("removed");
    expect(removalsIn(room.slug)).toEqual([{ identity: mo.user.id, name: mo.user.name, removedById: admin.user.id }]);
  });
});

describe("decisions hold against tokens issued before them", () => {
  it("a disabled account's token is cut when LiveKit reports it joined (participant_joined is checked)", async () => {
    const admin = await signedInAdmin();
    const { owner, room } = await roomWithHost("Disabled");
    const dee = await memberThroughLink(owner.client, room.slug, "participant", "Dee");
    const { body } = await tokenFor(dee.client, room.slug);
    // Not in the meeting when the account is disabled, so nothing is watching for her.
    expect(
      (await admin.client.json(`/api/admin/users/${dee.user.id}`, { method: "PATCH", json: { disabled: true } }))
        .status,
    ).toBe(200);
    const late = await joinMeeting(body.token);
    sockets.push(late.socket);
    expect((await deliverWebhook(joinedEvent(late))).status).toBe(200);
    await closedByServer(late.socket, CUT_WITHIN_MS);
    expect(await participantsIn(room.slug)).toEqual([owner.user.id]);
  });

  it("a disabled account is disconnected, and the token it held is cut when used again at once", async () => {
    const admin = await signedInAdmin();
    const { owner, room } = await roomWithHost("Disabled in the meeting");
    const eve = await memberThroughLink(owner.client, room.slug, "participant", "Eve");
    const held = await enters(eve.client, room.slug);
    expect((await deliverWebhook(joinedEvent(held))).status).toBe(200);
    expect(
      (await admin.client.json(`/api/admin/users/${eve.user.id}`, { method: "PATCH", json: { disabled: true } }))
        .status,
    ).toBe(200);
    await closedByServer(held.socket);
    // Signalling only: LiveKit reports no arrival, so only the hold-out can see it.
    expect((await refusedOrCut(held.token)).cutAfterMs).toBeLessThan(CUT_WITHIN_MS);
    expect(await participantsIn(room.slug)).toEqual([owner.user.id]);
  });

  it("ending the meeting for everyone disconnects everyone; tokens from before let nobody back, new ones start a new meeting", async () => {
    const { owner, room, host } = await roomWithHost("End for everyone");
    const pia = await memberThroughLink(owner.client, room.slug, "participant", "Pia");
    const held = await enters(pia.client, room.slug);

    expect(await owner.client.json(`/api/rooms/${room.slug}/end`, { method: "POST" })).toEqual({
      status: 200,
      body: { ended: true },
    });
    await Promise.all([closedByServer(host.socket), closedByServer(held.socket)]);
    expect(await stack.roomService().listRooms([room.slug])).toEqual([]);
    expect(meetingsOf(room.slug).map((meeting) => meeting.endedAt)).toEqual([expect.any(String)]);
    expect(await pia.client.json(`/api/rooms/${room.slug}/departure`)).toEqual({
      status: 200,
      body: { removedBy: null, accessRevokedBy: null, endedBy: owner.user.name, roomClosed: false },
    });
    // The room is closed on LiveKit: the old token is refused outright.
    expect((await refusedOrCut(held.token)).refused).toBe(true);

    // The owner starts again; Pia's old token still gets her nowhere, a new one does.
    await enters(owner.client, room.slug);
    expect((await refusedOrCut(held.token)).cutAfterMs).toBeLessThan(CUT_WITHIN_MS);
    const again = await enters(pia.client, room.slug);
    await sleep(CUT_WITHIN_MS + 500);
    expect((await participantsIn(room.slug)).sort()).toEqual([owner.user.id, pia.user.id].sort());
    expect(again.socket.readyState).toBe(again.socket.OPEN);
    expect(auditOf(room.slug)).toEqual([
      {
        actorId: owner.user.id,
        action: "room.end_for_everyone",
        targetType: "room",
        targetId: room.slug,
        targetLabel: room.name,
      },
    ]);
  }, 60_000);
});

describe("co-hosts made in the meeting", () => {
  it("a host makes a member co-host and takes it back: everyone sees the badge, and the powers follow", async () => {
    const { owner, room } = await roomWithHost("Co-hosts");
    const nia = await memberThroughLink(owner.client, room.slug, "participant", "Nia");
    await enters(nia.client, room.slug);
    const standingOnLiveKit = async () =>
      (await stack.roomService().getParticipant(room.slug, nia.user.id)).attributes["parley.standing"];
    expect(await standingOnLiveKit()).toBe("participant");
    expect((await nia.client.request(`/api/rooms/${room.slug}/invites`)).status).toBe(403);

    const make = (cohost: boolean, by = owner.client) =>
      by.json<{ standing: string } & ErrorBody>(`/api/rooms/${room.slug}/participants/${nia.user.id}/cohost`, {
        method: "POST",
        json: { cohost },
      });
    expect(await make(true)).toEqual({ status: 200, body: { standing: "cohost" } });
    expect(await standingOnLiveKit()).toBe("cohost");
    expect((await nia.client.request(`/api/rooms/${room.slug}/invites`)).status).toBe(200);
    expect(claimsOf((await tokenFor(nia.client, room.slug)).body.token).attributes?.["parley.standing"]).toBe("cohost");
    // A co-host may not act on the owner, nor on themselves.
    const onOwner = await nia.client.json<ErrorBody>(`/api/rooms/${room.slug}/participants/${owner.user.id}/remove`, {
      method: "POST",
    });
    expect({ status: onOwner.status, code: onOwner.body.error.code }).toEqual({ status: 403, code: "target_is_host" });
    const onSelf = await make(false, nia.client);
    expect({ status: onSelf.status, code: onSelf.body.error.code }).toEqual({
      status: 409,
      code: "cannot_moderate_self",
    });

    expect(await make(false)).toEqual({ status: 200, body: { standing: "participant" } });
    expect(await standingOnLiveKit()).toBe("participant");
    expect((await nia.client.request(`/api/rooms/${room.slug}/invites`)).status).toBe(403);
    expect(auditOf(nia.user.id).map((entry) => [entry.action, entry.actorId])).toEqual([
      ["participant.make_cohost", owner.user.id],
      ["participant.remove_cohost", owner.user.id],
    ]);

    const gus = await guestThroughLink(owner.client, room.slug, "Gus");
    await enters(gus.client, room.slug);
    const guestCohost = await owner.client.json<ErrorBody>(
      `/api/rooms/${room.slug}/participants/${gus.identity}/cohost`,
      { method: "POST", json: { cohost: true } },
    );
    expect({ status: guestCohost.status, code: guestCohost.body.error.code }).toEqual({
      status: 409,
      code: "cohost_needs_account",
    });
  });
});

describe("revoking a link", () => {
  it("with their access, cuts a guest and a co-host who came in through it, on LiveKit and in what they may do", async () => {
    const { owner, room } = await roomWithHost("Revoke with access");
    const gus = await guestThroughLink(owner.client, room.slug, "Gus");
    const gusHeld = await enters(gus.client, room.slug);
    const cara = await memberThroughLink(owner.client, room.slug, "cohost", "Cara");
    const caraHeld = await enters(cara.client, room.slug);
    expect((await participantsIn(room.slug)).sort()).toEqual([owner.user.id, gus.identity, cara.user.id].sort());

    const revoke = (inviteId: string) =>
      owner.client.json(`/api/rooms/${room.slug}/invites/${inviteId}/revoke`, {
        method: "POST",
        json: { revokeAccess: true },
      });
    expect(await revoke(gus.invite.id)).toEqual({ status: 200, body: { revoked: true, disconnected: 1 } });
    expect(await revoke(cara.invite.id)).toEqual({ status: 200, body: { revoked: true, disconnected: 1 } });
    await Promise.all([closedByServer(gusHeld.socket), closedByServer(caraHeld.socket)]);
    expect(await participantsIn(room.slug)).toEqual([owner.user.id]);

    // Their pages can say who did it.
    for (const client of [gus.client, cara.client]) {
      expect(
        (await client.json<{ accessRevokedBy: string }>(`/api/rooms/${room.slug}/departure`)).body.accessRevokedBy,
      ).toBe(owner.user.name);
    }
    // Their standing on the server: no token (the room is invite-only), no co-host powers, and
    // the links they came through no longer let them back.
    expect((await tokenFor(gus.client, room.slug)).status).toBe(401);
    expect((await gus.client.redeem(gus.invite.token)).body.error?.code).toBe("invite_revoked");
    expect((await tokenFor(cara.client, room.slug)).body.error.code).toBe("invite_required");
    expect((await cara.client.request(`/api/rooms/${room.slug}/invites`)).status).toBe(403);
    expect((await cara.client.redeem(cara.invite.token)).body.error?.code).toBe("invite_revoked");
    // Nor the tokens they held.
    for (const held of [gusHeld, caraHeld])
      expect((await refusedOrCut(held.token)).cutAfterMs).toBeLessThan(CUT_WITHIN_MS);
    expect(await participantsIn(room.slug)).toEqual([owner.user.id]);

    const { body } = await owner.client.json<{ invites: { id: string; state: string; accessRevoked: boolean }[] }>(
      `/api/rooms/${room.slug}/invites`,
    );
    expect(
      body.invites
        .filter((invite) => [gus.invite.id, cara.invite.id].includes(invite.id))
        .map(({ state, accessRevoked }) => ({ state, accessRevoked })),
    ).toEqual([
      { state: "revoked", accessRevoked: true },
      { state: "revoked", accessRevoked: true },
    ]);
    expect(
      auditOf(gus.invite.id, cara.invite.id).map((entry) => [entry.action, entry.actorId, entry.targetType]),
    ).toEqual([
      ["invite.revoke_with_access", owner.user.id, "invite"],
      ["invite.revoke_with_access", owner.user.id, "invite"],
    ]);
  }, 60_000);

  it("alone, keeps those who came in through it, but a co-host link's powers end with it", async () => {
    const { owner, room } = await roomWithHost("Revoke link only");
    const cara = await memberThroughLink(owner.client, room.slug, "cohost", "Cara");
    const held = await enters(cara.client, room.slug);
    expect((await cara.client.request(`/api/rooms/${room.slug}/invites`)).status).toBe(200);

    expect(
      await owner.client.json(`/api/rooms/${room.slug}/invites/${cara.invite.id}/revoke`, {
        method: "POST",
        json: { revokeAccess: false },
      }),
    ).toEqual({
      status: 200,
      body: { revoked: true, disconnected: 0 },
    });
    expect((await stack.roomService().getParticipant(room.slug, cara.user.id)).attributes["parley.standing"]).toBe(
      "participant",
    );
    expect((await cara.client.request(`/api/rooms/${room.slug}/invites`)).status).toBe(403);
    const { status, body } = await tokenFor(cara.client, room.slug);
    expect(status).toBe(200);
    expect(claimsOf(body.token).attributes?.["parley.standing"]).toBe("participant");
    expect(held.socket.readyState).toBe(held.socket.OPEN);
    expect(await participantsIn(room.slug)).toContain(cara.user.id);
  });
});

describe("moderation given bad input", () => {
  it("an unknown identity, another room's participant or a malformed body is refused, and nothing changes", async () => {
    const { owner, room } = await roomWithHost("Bad moderation");
    const target = await memberThroughLink(owner.client, room.slug, "participant", "Tia");
    await enters(target.client, room.slug);
    const other = await roomWithHost("Other room");
    const before = { here: (await participantsIn(room.slug)).sort(), there: await participantsIn(other.room.slug) };
    const access = () =>
      select(`SELECT "role", "revokedAt" FROM "RoomAccess" WHERE "userId" = ? ORDER BY "id"`, target.user.id);
    const accessBefore = access();

    const participant = (identity: string, action: string) =>
      `/api/rooms/${room.slug}/participants/${identity}/${action}`;
    const refusals: [string, { method: string; json?: unknown }, number, string, HttpClient?][] = [
      [participant("nobody-here", "remove"), { method: "POST" }, 404, "participant_not_found"],
      [participant(other.owner.user.id, "remove"), { method: "POST" }, 404, "participant_not_found"],
      [
        participant(other.owner.user.id, "mute"),
        { method: "POST", json: { source: "microphone" } },
        404,
        "participant_not_found",
      ],
      [
        participant(other.owner.user.id, "cohost"),
        { method: "POST", json: { cohost: true } },
        404,
        "participant_not_found",
      ],
      [participant("nobody-here", "cohost"), { method: "POST", json: { cohost: true } }, 404, "participant_not_found"],
      [participant(target.user.id, "mute"), { method: "POST", json: { source: "speaker" } }, 400, "invalid_request"],
      [participant(target.user.id, "mute"), { method: "POST", json: {} }, 400, "invalid_request"],
      [participant(target.user.id, "cohost"), { method: "POST", json: { cohost: "yes" } }, 400, "invalid_request"],
      [participant(target.user.id, "remove"), { method: "POST", json: { reason: "rude" } }, 400, "invalid_request"],
      [
        participant(target.user.id, "mute"),
        { method: "POST", json: { source: "screen_share" } },
        409,
        "nothing_to_mute",
      ],
      [`/api/rooms/${room.slug}/removals/${target.user.id}`, { method: "DELETE" }, 404, "not_removed"],
      [`/api/rooms/${room.slug}/removals/${other.owner.user.id}`, { method: "DELETE" }, 404, "not_removed"],
      [
        `/api/rooms/${room.slug}/invites/${target.invite.id}/revoke`,
        { method: "POST", json: { revokeAccess: "all" } },
        400,
        "invalid_request",
      ],
      // Another room's host, revoking this room's link through their own room.
      [
        `/api/rooms/${other.room.slug}/invites/${target.invite.id}/revoke`,
        { method: "POST", json: { revokeAccess: true } },
        404,
        "not_found",
        other.owner.client,
      ],
    ];
    for (const [path, init, status, code, client = owner.client] of refusals) {
      const response = await client.json<ErrorBody>(path, init);
      expect({ path, status: response.status, code: response.body.error?.code }).toEqual({ path, status, code });
    }

    expect({ here: (await participantsIn(room.slug)).sort(), there: await participantsIn(other.room.slug) }).toEqual(
      before,
    );
    expect(removalsIn(room.slug)).toEqual([]);
    expect(access()).toEqual(accessBefore);
    expect(select(`SELECT "revokedAt" FROM "Invite" WHERE "id" = ?`, target.invite.id)).toEqual([{ revokedAt: null }]);
    expect(auditOf(target.user.id, other.owner.user.id, "nobody-here", target.invite.id)).toEqual([]);
  });
});

describe("meeting tokens", () => {
  it("live 2 minutes, and LiveKit gives a participant a fresh one (10 minutes) as soon as they join, so meetings outlive them", async () => {
    const { owner, room } = await roomWithHost("Token life");
    const member = await memberThroughLink(owner.client, room.slug, "participant", "Tom");
    const { body } = await tokenFor(member.client, room.slug);
    const issued = claimsOf(body.token) as { exp: number; attributes?: Record<string, string> };
    const now = Math.floor(Date.now() / 1000);
    expect(issued.exp - now).toBeLessThanOrEqual(120);
    expect(issued.exp - now).toBeGreaterThan(60);

    const renewed = claimsOf(await tokenLiveKitRenews(body.token)) as {
      exp: number;
      sub: string;
      video: { room: string };
      attributes?: Record<string, string>;
    };
    expect({ sub: renewed.sub, room: renewed.video.room, attributes: renewed.attributes }).toEqual({
      sub: member.user.id,
      room: room.slug,
      attributes: issued.attributes,
    });
    expect(renewed.exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(9 * 60);
  });
});
