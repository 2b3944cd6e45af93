// The admin console's APIs against the running app: refused to everyone but administrators, and
// what an administrator does takes effect on the media server, in the database and in the audit
// log. (The last administrator is protected in admin-users.test.ts, on a database of its own.)
import { randomBytes } from "node:crypto";
import type WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingsOf, select } from "../support/database";
import { hostWithRoom, newMember, signedInAdmin, type TestUser } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { closedByServer, joinMeeting, participantsIn, type InMeeting } from "../support/livekit";
import { stack } from "../support/stack";
import { deliverWebhook, joinedEvent } from "../support/webhooks";

type ErrorBody = { error: { code: string; message: string } };
type AuditRow = {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  targetLabel: string;
  detail: string | null;
};
type RoomsPage = {
  total: number;
  page: number;
  perPage: number;
  rooms: {
    slug: string;
    name: string;
    owner: { name: string; email: string };
    endedAt: string | null;
    status: string;
    liveSince: string | null;
    participants: { identity: string; name: string; kind: string; joinedAt: string }[];
    totalMeetings: number;
  }[];
};

let admin: { client: HttpClient; user: TestUser };
const sockets: WebSocket[] = [];

beforeAll(async () => {
  admin = await signedInAdmin();
}, 30_000);

afterAll(() => sockets.forEach((socket) => socket.close()));

/** Joins the room's meeting with a token from the app, and tells the app so as LiveKit would. */
async function enterMeeting(client: HttpClient, slug: string): Promise<InMeeting> {
  const { status, body } = await client.json<{ token: string }>(`/api/rooms/${slug}/token`, { method: "POST" });
  if (status !== 200) throw new Error(`no token for ${slug}: ${status}`);
  const inMeeting = await joinMeeting(body.token);
  sockets.push(inMeeting.socket);
  expect((await deliverWebhook(joinedEvent(inMeeting))).status).toBe(200);
  return inMeeting;
}

async function guestEnters(host: HttpClient, slug: string, name: string): Promise<InMeeting> {
  await host.letEveryoneIn(slug);
  const guest = new HttpClient();
  await guest.redeem((await host.createInvite(slug, { role: "participant" })).token, name);
  return enterMeeting(guest, slug);
}

const tagged = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;
const auditOf = (...targetIds: string[]) =>
  select<AuditRow>(
    `SELECT "actorId", "action", "targetType", "targetId", "targetLabel", "detail" FROM "AuditEntry" WHERE "targetId" IN (${targetIds.map(() => "?").join(", ")}) ORDER BY rowid`, // insertion order
    ...targetIds,
  );
const tokenFor = (client: HttpClient, slug: string) =>
  client.json<ErrorBody & { token: string }>(`/api/rooms/${slug}/token`, { method: "POST" });

describe("only administrators reach the admin APIs", () => {
  type Caller = "anonymous" | "guest" | "member" | "roomOwner";
  const callers = {} as Record<Caller, HttpClient>;
  let owner: TestUser;
  let member: TestUser;
  let slug: string;
  let endedSlug: string;

  beforeAll(async () => {
    const ownerAccount = await newMember("Owner");
    owner = ownerAccount.user;
    callers.roomOwner = ownerAccount.client;
    slug = (await callers.roomOwner.createRoom("Guarded")).slug;
    await callers.roomOwner.letEveryoneIn(slug);
    endedSlug = (await callers.roomOwner.createRoom("Guarded, closed")).slug;
    expect((await admin.client.request(`/api/admin/rooms/${endedSlug}/end`, { method: "POST" })).status).toBe(200);
    await enterMeeting(callers.roomOwner, slug);
    const memberAccount = await newMember("Member");
    member = memberAccount.user;
    callers.member = memberAccount.client;
    callers.anonymous = new HttpClient();
    callers.guest = new HttpClient();
    expect(
      (await callers.guest.redeem((await callers.roomOwner.createInvite(slug, { role: "participant" })).token, "Gus"))
        .status,
    ).toBe(200);
  }, 30_000);

  // Every admin API, each aimed at something a refused caller would like to change.
  const ENDPOINTS: { name: string; method: string; path: () => string; json?: unknown }[] = [
    { name: "list rooms", method: "GET", path: () => "/api/admin/rooms" },
    { name: "delete a room", method: "DELETE", path: () => `/api/admin/rooms/${slug}` },
    { name: "end a room", method: "POST", path: () => `/api/admin/rooms/${slug}/end` },
    { name: "reopen an ended room", method: "POST", path: () => `/api/admin/rooms/${endedSlug}/reopen` },
    {
      name: "remove a participant",
      method: "POST",
      path: () => `/api/admin/rooms/${slug}/participants/${owner.id}/remove`,
    },
    {
      name: "mute a participant",
      method: "POST",
      path: () => `/api/admin/rooms/${slug}/participants/${owner.id}/mute`,
      json: { source: "microphone" },
    },
    { name: "list users", method: "GET", path: () => "/api/admin/users" },
    {
      name: "promote a member (themselves)",
      method: "PATCH",
      path: () => `/api/admin/users/${member.id}`,
      json: { role: "ADMIN" },
    },
    {
      name: "disable an account",
      method: "PATCH",
      path: () => `/api/admin/users/${owner.id}`,
      json: { disabled: true },
    },
    { name: "read the audit log", method: "GET", path: () => "/api/admin/audit" },
  ];
  const EXPECTED: Record<Caller, { status: number; code: string }> = {
    anonymous: { status: 401, code: "unauthenticated" },
    guest: { status: 401, code: "unauthenticated" },
    member: { status: 403, code: "admin_only" },
    roomOwner: { status: 403, code: "admin_only" },
  };

  async function expectNothingChanged(auditBefore: number) {
    const rooms = select<{ slug: string; endedAt: string | null }>(
      `SELECT "slug", "endedAt" FROM "Room" WHERE "slug" IN (?, ?) ORDER BY "createdAt"`,
      slug,
      endedSlug,
    );
    expect(rooms).toEqual([
      { slug, endedAt: null },
      { slug: endedSlug, endedAt: expect.any(String) },
    ]);
    const users = select<{ id: string; role: string; disabledAt: string | null }>(
      `SELECT "id", "role", "disabledAt" FROM "User" WHERE "id" IN (?, ?)`,
      owner.id,
      member.id,
    );
    expect(users.map(({ role, disabledAt }) => ({ role, disabledAt }))).toEqual([
      { role: "MEMBER", disabledAt: null },
      { role: "MEMBER", disabledAt: null },
    ]);
    expect(await participantsIn(slug)).toContain(owner.id);
    expect(auditOf(slug, endedSlug, owner.id, member.id)).toHaveLength(auditBefore);
  }

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.name}: 401 signed out or as a guest, 403 admin_only for members and the room's owner, and nothing changes`, async () => {
      const auditBefore = auditOf(slug, endedSlug, owner.id, member.id).length;
      for (const [caller, expected] of Object.entries(EXPECTED) as [Caller, { status: number; code: string }][]) {
        const { status, body } = await callers[caller].json<ErrorBody>(endpoint.path(), {
          method: endpoint.method,
          json: endpoint.json,
        });
        expect({ caller, status, body }).toEqual({
          caller,
          status: expected.status,
          body: { error: { code: expected.code, message: expect.any(String) } },
        });
      }
      await expectNothingChanged(auditBefore);
    });
  }
});

describe("what administrators do", () => {
  it("ending a room disconnects everyone and closes it (410 for new tokens) until an admin reopens it; both are audited", async () => {
    const { host: owner, room } = await hostWithRoom(tagged("To be ended"));
    const host = await enterMeeting(owner, room.slug);

    const end = await admin.client.json<{ endedAt: string }>(`/api/admin/rooms/${room.slug}/end`, { method: "POST" });
    expect(end.status).toBe(200);
    await closedByServer(host.socket);
    expect(await stack.roomService().listRooms([room.slug])).toEqual([]);
    expect(await tokenFor(owner, room.slug)).toEqual({
      status: 410,
      body: { error: { code: "room_ended", message: "This meeting has ended." } },
    });
    expect(meetingsOf(room.slug)).toEqual([expect.objectContaining({ endedAt: expect.any(String) })]);

    expect(await admin.client.json(`/api/admin/rooms/${room.slug}/reopen`, { method: "POST" })).toEqual({
      status: 200,
      body: { reopened: true },
    });
    expect((await tokenFor(owner, room.slug)).status).toBe(200);
    expect((await stack.roomService().listRooms([room.slug])).map((open) => open.name)).toEqual([room.slug]);

    const audit = {
      actorId: admin.user.id,
      targetType: "room",
      targetId: room.slug,
      targetLabel: room.name,
      detail: null,
    };
    expect(auditOf(room.slug)).toEqual([
      { ...audit, action: "room.end_meeting" },
      { ...audit, action: "room.reopen" },
    ]);
    // The console's audit page shows the same, newest first, with who did it.
    const { body } = await admin.client.json<{
      total: number;
      entries: { action: string; targetId: string; actor: { name: string; email: string } }[];
    }>(`/api/admin/audit?q=${encodeURIComponent(room.name)}`);
    expect(body.entries).toEqual([
      expect.objectContaining({
        action: "room.reopen",
        targetId: room.slug,
        actor: { name: admin.user.name, email: admin.user.email },
      }),
      expect.objectContaining({
        action: "room.end_meeting",
        targetId: room.slug,
        actor: { name: admin.user.name, email: admin.user.email },
      }),
    ]);
  });

  it("deleting a room disconnects whoever is in it and removes the room with its history; audited", async () => {
    const { host: owner, room } = await hostWithRoom(tagged("To be deleted"));
    const host = await enterMeeting(owner, room.slug);
    expect(meetingsOf(room.slug)).toHaveLength(1);

    expect(await admin.client.json(`/api/admin/rooms/${room.slug}`, { method: "DELETE" })).toEqual({
      status: 200,
      body: { deleted: true },
    });
    await closedByServer(host.socket);
    expect(await stack.roomService().listRooms([room.slug])).toEqual([]);
    expect(select(`SELECT "id" FROM "Room" WHERE "slug" = ?`, room.slug)).toEqual([]);
    expect(select(`SELECT "id" FROM "Meeting" WHERE "livekitRoomSid" = ?`, host.room.sid)).toEqual([]);
    expect(select(`SELECT "id" FROM "Attendance" WHERE "participantSid" = ?`, host.participant.sid)).toEqual([]);
    expect((await tokenFor(owner, room.slug)).status).toBe(404);
    expect(auditOf(room.slug)).toEqual([
      {
        actorId: admin.user.id,
        action: "room.delete",
        targetType: "room",
        targetId: room.slug,
        targetLabel: room.name,
        detail: null,
      },
    ]);
  });

  it("removing someone disconnects only them and is audited under their name; someone not there is a 404", async () => {
    const { host: owner, user, room } = await hostWithRoom(tagged("Removal"));
    await enterMeeting(owner, room.slug);
    const rowdy = await guestEnters(owner, room.slug, "Rowdy");

    const remove = () =>
      admin.client.json<ErrorBody>(`/api/admin/rooms/${room.slug}/participants/${rowdy.identity}/remove`, {
        method: "POST",
      });
    expect(await remove()).toEqual({ status: 200, body: { removed: true } });
    await closedByServer(rowdy.socket);
    await expect.poll(() => participantsIn(room.slug), { timeout: 10_000 }).toEqual([user.id]);
    expect(auditOf(rowdy.identity)).toEqual([
      {
        actorId: admin.user.id,
        action: "participant.remove",
        targetType: "participant",
        targetId: rowdy.identity,
        targetLabel: "Rowdy (guest)",
        detail: `in ${room.name} (${room.slug})`,
      },
    ]);

    const again = await remove();
    expect(again).toEqual({
      status: 404,
      body: { error: { code: "participant_not_found", message: "That person is not in this meeting." } },
    });
    expect(auditOf(rowdy.identity)).toHaveLength(1);
  });

  it("muting someone who publishes nothing is a 409 and someone absent a 404, and neither is audited", async () => {
    const { host: owner, user, room } = await hostWithRoom(tagged("Mute"));
    await enterMeeting(owner, room.slug); // a signal-only participant publishes no tracks
    const mute = (identity: string, source: string) =>
      admin.client.json<ErrorBody>(`/api/admin/rooms/${room.slug}/participants/${identity}/mute`, {
        method: "POST",
        json: { source },
      });

    for (const source of ["microphone", "camera"]) {
      const { status, body } = await mute(user.id, source);
      expect({ status, code: body.error.code }).toEqual({ status: 409, code: "nothing_to_mute" });
      expect(body.error.message).toBe(`${user.name}'s ${source} is already off.`);
    }
    expect((await mute("somebody-else", "microphone")).body.error).toEqual({
      code: "participant_not_found",
      message: "That person is not in this meeting.",
    });
    expect(auditOf(user.id, "somebody-else")).toEqual([]);
  });

  it("disabling an account ends its session and its meeting at once; re-enabling lets it sign in again; both audited", async () => {
    const { host: member, user, room } = await hostWithRoom(tagged("Disabled owner's room"), "Soon disabled");
    const inMeeting = await enterMeeting(member, room.slug);
    expect((await member.request("/api/rooms")).status).toBe(200);

    const disable = await admin.client.json<{ user: { id: string; disabledAt: string | null } }>(
      `/api/admin/users/${user.id}`,
      { method: "PATCH", json: { disabled: true } },
    );
    expect(disable.status).toBe(200);
    expect(disable.body.user.disabledAt).toEqual(expect.any(String));
    await closedByServer(inMeeting.socket);
    expect((await member.json<ErrorBody>("/api/rooms")).body.error?.code).toBe("unauthenticated");
    expect((await member.request("/api/rooms", { method: "POST", json: {} })).status).toBe(401);
    expect((await tokenFor(member, room.slug)).status).toBe(401);
    expect(await new HttpClient().signIn(user.email, user.password)).toBe(false);

    const enable = await admin.client.json<{ user: { disabledAt: string | null } }>(`/api/admin/users/${user.id}`, {
      method: "PATCH",
      json: { disabled: false },
    });
    expect(enable).toEqual({ status: 200, body: { user: expect.objectContaining({ id: user.id, disabledAt: null }) } });
    const again = new HttpClient();
    expect(await again.signIn(user.email, user.password)).toBe(true);
    expect((await tokenFor(again, room.slug)).status).toBe(200);

    const audit = {
      actorId: admin.user.id,
      targetType: "user",
      targetId: user.id,
      targetLabel: `${user.name} <${user.email}>`,
      detail: null,
    };
    expect(auditOf(user.id)).toEqual([
      { ...audit, action: "user.disable" },
      { ...audit, action: "user.enable" },
    ]);
  });

  it("a promotion takes effect at once and a demotion takes it back; an admin cannot disable themselves", async () => {
    const { client: member, user } = await newMember("Promoted");
    const change = (client: HttpClient, json: unknown) =>
      client.json<ErrorBody>(`/api/admin/users/${user.id}`, { method: "PATCH", json });
    expect((await member.request("/api/admin/users")).status).toBe(403);

    expect((await change(admin.client, { role: "ADMIN" })).status).toBe(200);
    expect((await member.request("/api/admin/users")).status).toBe(200);
    const self = await change(member, { disabled: true });
    expect(self).toEqual({
      status: 409,
      body: { error: { code: "cannot_disable_self", message: "You cannot disable your own account." } },
    });
    expect((await member.request("/api/admin/users")).status).toBe(200);

    expect((await change(admin.client, { role: "MEMBER" })).status).toBe(200);
    expect((await member.json<ErrorBody>("/api/admin/users")).body.error?.code).toBe("admin_only");
    expect(auditOf(user.id).map((entry) => [entry.action, entry.actorId])).toEqual([
      ["user.promote", admin.user.id],
      ["user.demote", admin.user.id],
    ]);
  });

  it("bad input is a 400, an unknown target a 404, and neither changes anything", async () => {
    const { user, room } = await hostWithRoom(tagged("Bad input"), "Target");
    for (const json of [
      {},
      { role: "ADMIN", disabled: true },
      { role: "OWNER" },
      { disabled: "yes" },
      { role: "ADMIN", email: "x@example.org" },
    ]) {
      const { status, body } = await admin.client.json<ErrorBody>(`/api/admin/users/${user.id}`, {
        method: "PATCH",
        json,
      });
      expect({ json, status, code: body.error?.code }).toEqual({ json, status: 400, code: "invalid_request" });
    }
    const mute = await admin.client.json<ErrorBody>(`/api/admin/rooms/${room.slug}/participants/${user.id}/mute`, {
      method: "POST",
      json: { source: "screen" },
    });
    expect(mute.status).toBe(400);
    for (const query of ["status=open", "perPage=500", "page=0", "sort=owner", "dir=up", "owner=me"]) {
      expect((await admin.client.request(`/api/admin/rooms?${query}`)).status, query).toBe(400);
    }
    expect((await admin.client.request("/api/admin/audit?action=room.burn")).status).toBe(400);
    expect(
      (
        await admin.client.json<ErrorBody>("/api/admin/users/no-such-user", {
          method: "PATCH",
          json: { role: "ADMIN" },
        })
      ).status,
    ).toBe(404);
    expect((await admin.client.json<ErrorBody>("/api/admin/rooms/zzz-zzzz-zzz/end", { method: "POST" })).status).toBe(
      404,
    );

    expect(select(`SELECT "role", "disabledAt" FROM "User" WHERE "id" = ?`, user.id)).toEqual([
      { role: "MEMBER", disabledAt: null },
    ]);
    expect(select(`SELECT "endedAt" FROM "Room" WHERE "slug" = ?`, room.slug)).toEqual([{ endedAt: null }]);
    expect(auditOf(user.id, room.slug)).toEqual([]);
  });
});

describe("the admin rooms list", () => {
  it("finds rooms by name and by owner email, filters by status and pages", async () => {
    const { client: owner, user } = await newMember("Lister");
    const tag = randomBytes(8).toString("hex");
    // Created in this order, one after the other: Alpha (to be ended), Bravo (live), Charlie (idle).
    const ended = await owner.createRoom(`${tag} Alpha`);
    const live = await owner.createRoom(`${tag} Bravo`);
    await owner.createRoom(`${tag} Charlie`);
    expect((await admin.client.request(`/api/admin/rooms/${ended.slug}/end`, { method: "POST" })).status).toBe(200);
    const host = await enterMeeting(owner, live.slug);
    const list = async (query: Record<string, string>) => {
      const { status, body } = await admin.client.json<RoomsPage>(`/api/admin/rooms?${new URLSearchParams(query)}`);
      expect(status).toBe(200);
      return body;
    };
    const names = (page: RoomsPage) => page.rooms.map((room) => room.name.replace(`${tag} `, ""));

    const byName = await list({ q: `${tag} Bravo` });
    expect(byName.total).toBe(1);
    expect(byName.rooms).toEqual([
      {
        slug: live.slug,
        name: live.name,
        owner: { name: user.name, email: user.email },
        createdAt: expect.any(String),
        endedAt: null,
        status: "live",
        liveSince: host.joinedAt.toISOString(),
        participants: [{ identity: user.id, name: user.name, kind: "MEMBER", joinedAt: host.joinedAt.toISOString() }],
        totalMeetings: 1,
      },
    ]);

    const byOwner = await list({ q: user.email });
    expect({ total: byOwner.total, names: names(byOwner) }).toEqual({ total: 3, names: ["Charlie", "Bravo", "Alpha"] });

    for (const [status, expected] of [
      ["live", ["Bravo"]],
      ["idle", ["Charlie"]],
      ["ended", ["Alpha"]],
      ["all", ["Charlie", "Bravo", "Alpha"]],
    ] as const) {
      const page = await list({ q: tag, status });
      expect({ status, names: names(page), total: page.total }).toEqual({
        status,
        names: expected,
        total: expected.length,
      });
    }
    expect((await list({ q: tag, status: "ended" })).rooms[0]).toMatchObject({
      slug: ended.slug,
      endedAt: expect.any(String),
      participants: [],
    });

    const pages = [];
    for (const page of ["1", "2", "3"])
      pages.push(await list({ q: tag, sort: "name", dir: "asc", perPage: "2", page }));
    expect(
      pages.map((page) => ({ total: page.total, page: page.page, perPage: page.perPage, names: names(page) })),
    ).toEqual([
      { total: 3, page: 1, perPage: 2, names: ["Alpha", "Bravo"] },
      { total: 3, page: 2, perPage: 2, names: ["Charlie"] },
      { total: 3, page: 3, perPage: 2, names: [] },
    ]);
    expect(names(await list({ q: tag, sort: "name", dir: "desc", perPage: "2" }))).toEqual(["Charlie", "Bravo"]);
  });
});
