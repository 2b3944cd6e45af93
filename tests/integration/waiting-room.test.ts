// The waiting room and the lock, over HTTP and against the real LiveKit server: who knocks,
// what hosts see and decide, what the knocker's LiveKit tokens allow, and that the token route
// and LiveKit's arrivals hold to the door. Also: guest passes expire on the server.
import { describe, expect, it, onTestFinished } from "vitest";
import type { KnockResponse, KnockStateResponse } from "@/app/api/rooms/[slug]/knock/route";
import type { WatchKnockResponse } from "@/app/api/rooms/[slug]/knocks/[knockId]/watch/route";
import type { KnockListResponse } from "@/app/api/rooms/[slug]/knocks/route";
import { select } from "../support/database";
import { newMember, signedInAdmin } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { closedByServer, joinMeeting, livekitValidate, openSignal, participantsIn } from "../support/livekit";
import { stack } from "../support/stack";
import { deliverWebhook, joinedEvent, webhookEvent } from "../support/webhooks";

type Claims = {
  sub: string;
  name: string;
  exp: number;
  attributes?: Record<string, string>;
  video: Record<string, unknown>;
};
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as Claims;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new room (waiting room as new rooms have it: guests wait), its owner and a shared link labelled "Clients". */
async function roomWithLink(label = "Owner") {
  const { client: owner, user } = await newMember(label);
  const room = await owner.createRoom(`${label}'s door`);
  const link = await owner.createInvite(room.slug, { role: "participant", label: "Clients" });
  return { owner, user, room, link };
}

const tokenFor = (client: HttpClient, slug: string) =>
  client.json<{ token: string; error?: { code: string } }>(`/api/rooms/${slug}/token`, { method: "POST" });
const knockAs = (client: HttpClient, slug: string) =>
  client.json<KnockResponse & { error?: { code: string } }>(`/api/rooms/${slug}/knock`, { method: "POST" });
const stateOf = (client: HttpClient, slug: string) => client.json<KnockStateResponse>(`/api/rooms/${slug}/knock`);
const listOf = async (host: HttpClient, slug: string) =>
  (await host.json<KnockListResponse>(`/api/rooms/${slug}/knocks`)).body.knocks;
const settings = (owner: HttpClient, slug: string, json: Record<string, unknown>) =>
  owner.json(`/api/rooms/${slug}/settings`, { method: "PATCH", json });
const lock = (client: HttpClient, slug: string, locked: boolean) =>
  client.json<{ locked: boolean }>(`/api/rooms/${slug}/lock`, { method: "POST", json: { locked } });

/** A guest opens the link and presses Join: the door says wait, and they knock. */
async function guestKnocks(slug: string, linkToken: string, name: string) {
  const guest = new HttpClient();
  const join = await guest.redeem(linkToken, name);
  expect(join.status).toBe(403);
  expect(join.body.error?.code).toBe("waiting_room");
  const knocked = await knockAs(guest, slug);
  expect(knocked.status).toBe(200);
  if (knocked.body.status !== "waiting") throw new Error(`expected to wait, got ${JSON.stringify(knocked.body)}`);
  return { guest, door: knocked.body.door, hostPresent: knocked.body.hostPresent };
}

const knockRows = (slug: string) =>
  select<{ id: string; identity: string; status: string; message: string | null; decidedById: string | null }>(
    `SELECT k."id", k."identity", k."status", k."message", k."decidedById" FROM "Knock" k JOIN "Room" r ON r."id" = k."roomId" WHERE r."slug" = ? ORDER BY k."createdAt"`,
    slug,
  );

describe("the waiting room", () => {
  it("makes a guest who comes through a link knock, and shows hosts their name, that they are a guest and the link", async () => {
    const { owner, room, link } = await roomWithLink();
    const { guest, door, hostPresent } = await guestKnocks(room.slug, link.token, "Gina");
    expect(hostPresent).toBe(false);

    // The guest pass was handed out with the refusal: the same browser knocks as the same guest.
    const again = await tokenFor(guest, room.slug);
    expect(again.status).toBe(403);
    expect(again.body.error?.code).toBe("waiting_room");

    const [knock] = await listOf(owner, room.slug);
    expect(knock).toEqual({
      id: expect.any(String),
      name: "Gina",
      isGuest: true,
      link: { label: "Clients", invitee: null },
      since: expect.any(String),
    });
    expect(Date.now() - new Date(knock!.since).getTime()).toBeLessThan(60_000);

    // The knocker's LiveKit token names their own door room and can show the camera only.
    const claims = claimsOf(door.token);
    expect(claims.sub).toMatch(/^guest_/);
    expect(claims.video).toMatchObject({
      room: `door.${knock!.id}`,
      roomJoin: true,
      canSubscribe: false,
      canPublish: true,
      canPublishData: false,
      canPublishSources: ["camera"],
      hidden: false,
      roomAdmin: false,
    });
    expect(claims.exp - Date.now() / 1000).toBeLessThanOrEqual(10 * 60);
    expect(await livekitValidate(door.token)).toBe(200);
    expect(door.serverUrl).toBe(stack.livekitUrl.replace(/^http/, "ws"));
  });

  it("a host admits: the knocker gets a token without knocking again, until a meeting of the room ends", async () => {
    const { owner, user, room, link } = await roomWithLink();
    const { guest } = await guestKnocks(room.slug, link.token, "Ada");
    const [knock] = await listOf(owner, room.slug);

    const admitted = await owner.json(`/api/rooms/${room.slug}/knocks/${knock!.id}/admit`, { method: "POST" });
    expect(admitted).toEqual({ status: 200, body: { knock: { id: knock!.id, status: "admitted" } } });
    expect((await stateOf(guest, room.slug)).body).toEqual({ status: "admitted", message: null, hostPresent: false });
    expect(await listOf(owner, room.slug)).toEqual([]);
    expect(knockRows(room.slug)).toEqual([expect.objectContaining({ status: "ADMITTED", decidedById: user.id })]);

    const token = await tokenFor(guest, room.slug);
    expect(token.status).toBe(200);
    expect(claimsOf(token.body.token).video).toMatchObject({ room: room.slug, canSubscribe: true });

    // The meeting they were admitted to ends (its last person leaves): the next one asks again.
    const at = new Date(Date.now() + 2_000);
    const participant = {
      sid: `PA_${room.slug}`,
      identity: user.id,
      name: "Owner",
      joinedAt: String(Math.floor(at.getTime() / 1000) - 1),
    };
    expect(
      (
        await deliverWebhook(
          webhookEvent("participant_joined", { room: { sid: "RM_door", name: room.slug }, participant, at }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await deliverWebhook(
          webhookEvent("participant_left", { room: { sid: "RM_door", name: room.slug }, participant, at }),
        )
      ).status,
    ).toBe(200);
    const later = await tokenFor(guest, room.slug);
    expect(later.status).toBe(403);
    expect(later.body.error?.code).toBe("waiting_room");
  });

  it("a host denies with a message: the knocker reads it and still gets no token", async () => {
    const { owner, room, link } = await roomWithLink();
    const { guest } = await guestKnocks(room.slug, link.token, "Dan");
    const [knock] = await listOf(owner, room.slug);

    const denied = await owner.json(`/api/rooms/${room.slug}/knocks/${knock!.id}/deny`, {
      method: "POST",
      json: { message: "  Sorry, this call is for the board only.  " },
    });
    expect(denied).toEqual({ status: 200, body: { knock: { id: knock!.id, status: "denied" } } });
    expect((await stateOf(guest, room.slug)).body).toEqual({
      status: "denied",
      message: "Sorry, this call is for the board only.",
      hostPresent: false,
    });
    expect((await tokenFor(guest, room.slug)).body.error?.code).toBe("waiting_room");

    // Deciding again is refused: the knock is closed.
    const twice = await owner.json<{ error: { code: string } }>(`/api/rooms/${room.slug}/knocks/${knock!.id}/admit`, {
      method: "POST",
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("knock_closed");
    expect(knockRows(room.slug)).toEqual([
      expect.objectContaining({ status: "DENIED", message: "Sorry, this call is for the board only." }),
    ]);
  });

  it("hosts and co-hosts never wait; members wait only when the room says EVERYONE; NOBODY lets guests straight in", async () => {
    const { owner, room, link } = await roomWithLink();
    const { client: member } = await newMember("Walk-in");
    const { client: cohost } = await newMember("Cohost");
    expect((await cohost.redeem((await owner.createInvite(room.slug, { role: "cohost" })).token)).status).toBe(200);

    expect((await tokenFor(owner, room.slug)).status).toBe(200);
    expect((await tokenFor(member, room.slug)).status).toBe(200);
    expect((await knockAs(member, room.slug)).body).toEqual({ status: "admitted" });

    expect((await settings(owner, room.slug, { waitingRoom: "EVERYONE" })).body).toMatchObject({
      settings: { waitingRoom: "EVERYONE" },
    });
    expect((await tokenFor(member, room.slug)).body.error?.code).toBe("waiting_room");
    expect((await tokenFor(cohost, room.slug)).status).toBe(200);
    expect((await tokenFor(owner, room.slug)).status).toBe(200);
    const knocked = await knockAs(member, room.slug);
    expect(knocked.body.status).toBe("waiting");
    expect(await listOf(cohost, room.slug)).toEqual([expect.objectContaining({ isGuest: false, link: null })]);

    expect((await settings(owner, room.slug, { waitingRoom: "NOBODY" })).status).toBe(200);
    expect((await new HttpClient().redeem(link.token, "Straight In")).status).toBe(200);
    expect((await tokenFor(member, room.slug)).status).toBe(200);
  });

  it("lists several knockers oldest first, and admit all lets each of them in", async () => {
    const { owner, room, link } = await roomWithLink();
    const personal = await owner.createInvite(room.slug, { role: "participant", invitee: { name: "Bea" } });
    const first = await guestKnocks(room.slug, link.token, "Abe");
    const second = await guestKnocks(room.slug, personal.token, "Bea");
    const third = await guestKnocks(room.slug, link.token, "Cy");
    const listed = await listOf(owner, room.slug);
    expect(listed.map((knock) => knock.name)).toEqual(["Abe", "Bea", "Cy"]);
    expect(listed[1]!.link).toEqual({ label: null, invitee: "Bea" });

    expect((await owner.json(`/api/rooms/${room.slug}/knocks/admit-all`, { method: "POST" })).body).toEqual({
      admitted: 3,
    });
    for (const { guest } of [first, second, third]) expect((await tokenFor(guest, room.slug)).status).toBe(200);
    expect(await listOf(owner, room.slug)).toEqual([]);
  });

  it("a knocker who stops reporting leaves the list within seconds, at once when LiveKit says they left their door, and comes back by reporting", async () => {
    const { owner, room, link } = await roomWithLink();
    const { guest, door } = await guestKnocks(room.slug, link.token, "Tab Closer");
    const [knock] = await listOf(owner, room.slug);
    expect(knock?.name).toBe("Tab Closer");

    await expect.poll(() => listOf(owner, room.slug), { timeout: 10_000, interval: 500 }).toEqual([]);
    expect((await stateOf(guest, room.slug)).body.status).toBe("waiting");
    expect(await listOf(owner, room.slug)).toEqual([expect.objectContaining({ id: knock!.id })]);

    const left = webhookEvent("participant_left", {
      room: { sid: "RM_knockdoor", name: `door.${knock!.id}` },
      participant: { sid: "PA_knocker", identity: claimsOf(door.token).sub },
    });
    expect((await deliverWebhook(left)).status).toBe(200);
    expect(await listOf(owner, room.slug)).toEqual([]);
    // A tab that was only disconnected for a moment reports again and is back, in its place.
    expect((await stateOf(guest, room.slug)).body.status).toBe("waiting");
    expect(await listOf(owner, room.slug)).toEqual([expect.objectContaining({ id: knock!.id })]);
  });

  it("tells the knocker whether a host is in the meeting", async () => {
    const { owner, room, link } = await roomWithLink();
    const { guest, hostPresent } = await guestKnocks(room.slug, link.token, "Early");
    expect(hostPresent).toBe(false);
    const host = await joinMeeting((await tokenFor(owner, room.slug)).body.token);
    onTestFinished(() => host.socket.close());
    await expect.poll(async () => (await stateOf(guest, room.slug)).body.hostPresent, { timeout: 10_000 }).toBe(true);
  });

  it("hosts watch a knocker with a hidden, subscribe-only token for that door; a decision closes the door on LiveKit", async () => {
    const { owner, room, link } = await roomWithLink();
    const { door } = await guestKnocks(room.slug, link.token, "Face");
    const [knock] = await listOf(owner, room.slug);
    const atDoor = await openSignal(door.token);
    onTestFinished(() => atDoor.close());

    const watch = await owner.json<WatchKnockResponse>(`/api/rooms/${room.slug}/knocks/${knock!.id}/watch`, {
      method: "POST",
    });
    expect(watch.status).toBe(200);
    expect(claimsOf(watch.body.token).video).toMatchObject({
      room: `door.${knock!.id}`,
      hidden: true,
      canSubscribe: true,
      canPublish: false,
      canPublishSources: [],
      canPublishData: false,
      roomAdmin: false,
    });
    expect(await livekitValidate(watch.body.token)).toBe(200);

    expect((await owner.json(`/api/rooms/${room.slug}/knocks/${knock!.id}/admit`, { method: "POST" })).status).toBe(
      200,
    );
    await closedByServer(atDoor);
    expect(await participantsIn(`door.${knock!.id}`)).toEqual([]);
    const late = await owner.json<{ error: { code: string } }>(`/api/rooms/${room.slug}/knocks/${knock!.id}/watch`, {
      method: "POST",
    });
    expect(late.status).toBe(409);
  });

  it("a knocker who gives up leaves the list", async () => {
    const { owner, room, link } = await roomWithLink();
    const { guest } = await guestKnocks(room.slug, link.token, "Quitter");
    expect((await guest.json(`/api/rooms/${room.slug}/knock`, { method: "DELETE" })).body).toEqual({
      status: "withdrawn",
    });
    expect(await listOf(owner, room.slug)).toEqual([]);
    expect((await stateOf(guest, room.slug)).body.status).toBe("withdrawn");
  });
});

describe("the door's routes", () => {
  it("refuse everyone but hosts and co-hosts (401/403), and change nothing", async () => {
    const { owner, room, link } = await roomWithLink();
    await guestKnocks(room.slug, link.token, "Waiting");
    const [knock] = await listOf(owner, room.slug);
    const { client: participant } = await newMember("Participant");
    expect(
      (await participant.redeem((await owner.createInvite(room.slug, { role: "participant" })).token)).status,
    ).toBe(200);
    const { client: outsider } = await newMember("Outsider");
    expect((await settings(owner, room.slug, { waitingRoom: "NOBODY" })).status).toBe(200);
    const admittedGuest = new HttpClient();
    expect((await admittedGuest.redeem(link.token, "Other Guest")).status).toBe(200);
    expect((await settings(owner, room.slug, { waitingRoom: "GUESTS" })).status).toBe(200);

    const base = `/api/rooms/${room.slug}`;
    const attempts: [string, string, unknown][] = [
      ["GET", `${base}/knocks`, undefined],
      ["POST", `${base}/knocks/${knock!.id}/admit`, undefined],
      ["POST", `${base}/knocks/${knock!.id}/deny`, { message: "no" }],
      ["POST", `${base}/knocks/${knock!.id}/watch`, undefined],
      ["POST", `${base}/knocks/admit-all`, undefined],
      ["POST", `${base}/lock`, { locked: true }],
    ];
    for (const [who, client, status] of [
      ["anonymous", new HttpClient(), 401],
      ["participant", participant, 403],
      ["guest", admittedGuest, 403],
      ["member without a link", outsider, 403],
    ] as const) {
      for (const [method, path, json] of attempts) {
        const response = await client.json<{ error: { code: string } }>(path, { method, json });
        expect(response.status, `${who}: ${method} ${path}`).toBe(status);
      }
    }
    expect(knockRows(room.slug)).toEqual([expect.objectContaining({ id: knock!.id, status: "WAITING" })]);
    expect(select(`SELECT "lockedAt" FROM "Room" WHERE "slug" = ?`, room.slug)).toEqual([{ lockedAt: null }]);
  });

  it("answer 404 for an unknown knock or another room's, 400 for a malformed body, and change nothing", async () => {
    const { owner, room, link } = await roomWithLink();
    const other = await roomWithLink("Other");
    await guestKnocks(room.slug, link.token, "Mine");
    await guestKnocks(other.room.slug, other.link.token, "Theirs");
    const [theirs] = await listOf(other.owner, other.room.slug);
    const [mine] = await listOf(owner, room.slug);
    const base = `/api/rooms/${room.slug}`;

    for (const id of ["cnosuchknock0000000000000", theirs!.id, "..%2F..%2Fetc", "x"]) {
      for (const action of ["admit", "deny", "watch"]) {
        const response = await owner.json<{ error: { code: string } }>(`${base}/knocks/${id}/${action}`, {
          method: "POST",
          json: {},
        });
        expect(response.status, `${action} ${id}`).toBe(404);
      }
    }
    const malformed: [string, unknown][] = [
      [`${base}/knocks/${mine!.id}/deny`, { message: 42 }],
      [`${base}/knocks/${mine!.id}/deny`, { message: "x".repeat(201) }],
      [`${base}/knocks/${mine!.id}/deny`, { reason: "unknown field" }],
      [`${base}/knocks/${mine!.id}/admit`, { everyone: true }],
      [`${base}/lock`, { locked: "yes" }],
      [`${base}/lock`, {}],
      [`${base}/settings`, { waitingRoom: "SOMETIMES" }],
    ];
    for (const [path, json] of malformed) {
      const response = await owner.json<{ error: { code: string; message: string } }>(path, {
        method: path.endsWith("/settings") ? "PATCH" : "POST",
        json,
      });
      expect(response.status, `${path} ${JSON.stringify(json)}`).toBe(400);
      expect(response.body).toEqual({ error: { code: "invalid_request", message: expect.any(String) } });
    }
    expect(knockRows(room.slug)).toEqual([expect.objectContaining({ id: mine!.id, status: "WAITING" })]);
    expect(knockRows(other.room.slug)).toEqual([expect.objectContaining({ id: theirs!.id, status: "WAITING" })]);
    expect(select(`SELECT "lockedAt", "waitingRoom" FROM "Room" WHERE "slug" = ?`, room.slug)).toEqual([
      { lockedAt: null, waitingRoom: "GUESTS" },
    ]);
  });
});

describe("a locked room", () => {
  it("refuses a valid link without spending it, members and knockers; hosts still get in; unlocked, the link works", async () => {
    const { owner, room, link } = await roomWithLink();
    await owner.letEveryoneIn(room.slug);
    const { client: member } = await newMember("Member");
    expect(await lock(owner, room.slug, true)).toEqual({ status: 200, body: { locked: true } });

    const stranger = new HttpClient();
    const refused = await stranger.redeem(link.token, "Too Late");
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe("room_locked");
    expect(
      (await owner.json<{ invites: { uses: number }[] }>(`/api/rooms/${room.slug}/invites`)).body.invites[0]!.uses,
    ).toBe(0);
    expect((await tokenFor(member, room.slug)).body.error?.code).toBe("room_locked");
    expect((await knockAs(member, room.slug)).body.error?.code).toBe("room_locked");
    expect((await tokenFor(owner, room.slug)).status).toBe(200);

    expect(await lock(owner, room.slug, false)).toEqual({ status: 200, body: { locked: false } });
    expect((await stranger.redeem(link.token, "Too Late")).status).toBe(200);
    expect((await tokenFor(member, room.slug)).status).toBe(200);
  });

  it("lets people back who were in its meeting before the lock, and a host admits a knocker past it", async () => {
    const { owner, room, link } = await roomWithLink();
    const { client: member, user } = await newMember("Regular");
    const inside = await joinMeeting((await tokenFor(member, room.slug)).body.token);
    onTestFinished(() => inside.socket.close());
    expect((await deliverWebhook(joinedEvent(inside))).status).toBe(200);
    await sleep(50);
    expect((await lock(owner, room.slug, true)).status).toBe(200);

    // Their connection dropped: they come back with a new token. Their arrival is not cut.
    expect((await tokenFor(member, room.slug)).status).toBe(200);
    expect((await deliverWebhook(joinedEvent(inside))).status).toBe(200);
    expect(await participantsIn(room.slug)).toContain(user.id);

    // A guest who knocked before the lock is still at the door; a host may let them in.
    expect((await lock(owner, room.slug, false)).status).toBe(200);
    const { guest } = await guestKnocks(room.slug, link.token, "Knocker");
    expect((await lock(owner, room.slug, true)).status).toBe(200);
    expect((await tokenFor(guest, room.slug)).body.error?.code).toBe("room_locked");
    const [knock] = await listOf(owner, room.slug);
    expect((await owner.json<KnockListResponse>(`/api/rooms/${room.slug}/knocks`)).body.locked).toBe(true);
    expect((await owner.json(`/api/rooms/${room.slug}/knocks/${knock!.id}/admit`, { method: "POST" })).status).toBe(
      200,
    );
    expect((await tokenFor(guest, room.slug)).status).toBe(200);
  });

  it("holds against a join token handed out before the lock: the arrival is cut at once", async () => {
    const { owner, room, link } = await roomWithLink();
    await owner.letEveryoneIn(room.slug);
    const early = await new HttpClient().redeem(link.token, "Early Token");
    expect(early.status).toBe(200);
    expect((await lock(owner, room.slug, true)).status).toBe(200);

    const arrival = await joinMeeting(early.body.token);
    onTestFinished(() => arrival.socket.close());
    expect((await deliverWebhook(joinedEvent(arrival))).status).toBe(200);
    await closedByServer(arrival.socket, 2_000);
    expect(await participantsIn(room.slug)).not.toContain(arrival.identity);
  });

  it("is written to the audit log with who locked and unlocked it", async () => {
    const { owner, user, room } = await roomWithLink("Locker");
    expect((await lock(owner, room.slug, true)).status).toBe(200);
    expect((await lock(owner, room.slug, true)).status).toBe(200); // already locked: nothing new
    expect((await lock(owner, room.slug, false)).status).toBe(200);
    const { client: admin } = await signedInAdmin();
    const entries = async (action: string) =>
      (
        await admin.json<{ entries: { action: string; targetId: string; actor: { email: string } }[] }>(
          `/api/admin/audit?action=${action}&q=${encodeURIComponent(room.name)}`,
        )
      ).body.entries;
    expect(await entries("room.lock")).toEqual([
      expect.objectContaining({ targetId: room.slug, actor: expect.objectContaining({ email: user.email }) }),
    ]);
    expect(await entries("room.unlock")).toHaveLength(1);
  });
});

describe("a guest pass", () => {
  it("lasts 24 hours on the server", async () => {
    const { owner, room, link } = await roomWithLink();
    await owner.letEveryoneIn(room.slug);
    const guest = new HttpClient();
    expect((await guest.redeem(link.token, "Day Pass")).status).toBe(200);
    const [pass] = select<{ createdAt: string; expiresAt: string }>(
      `SELECT g."createdAt", g."expiresAt" FROM "Guest" g JOIN "Room" r ON r."id" = g."roomId" WHERE r."slug" = ?`,
      room.slug,
    );
    expect(new Date(pass!.expiresAt).getTime() - new Date(pass!.createdAt).getTime()).toBe(24 * 3_600_000);
  });

  it("ends with its link when that expires sooner: the guest is a stranger again", async () => {
    const { client: owner } = await newMember("Brief");
    const room = await owner.createRoom("Brief meeting");
    await owner.letEveryoneIn(room.slug);
    const expiresAt = new Date(Date.now() + 4_000);
    const link = await owner.createInvite(room.slug, { role: "participant", expiresAt: expiresAt.toISOString() });
    const guest = new HttpClient();
    const response = await guest.request("/api/invites/redeem", {
      method: "POST",
      json: { token: link.token, name: "Brief Guest" },
    });
    expect(response.status).toBe(200);
    const maxAge = Number(
      /max-age=(\d+)/i.exec(
        response.headers.getSetCookie().find((cookie) => cookie.startsWith("parley_guest=")) ?? "",
      )?.[1],
    );
    expect(maxAge).toBeLessThanOrEqual(4);
    expect((await tokenFor(guest, room.slug)).status).toBe(200);

    await sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 300);
    const after = await tokenFor(guest, room.slug);
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe("unauthenticated");
  });
});
