// The lookups every request makes run as prepared statements on Prisma's connection (lib/db.ts).
// Each must answer exactly as the Prisma query it replaced, on the same rows: this file runs both
// side by side through lib/, on a database of its own, over the cases the rules depend on.
import { describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/accounts/accounts";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { markJoinArrived, recordJoinAttempt, reportJoinFailure } from "@/lib/meetings/join-attempts";
import { findRemoval } from "@/lib/moderation/removals";
import { standingIn } from "@/lib/rooms/access";
import { findRoomById, findRoomBySlug, roomFields } from "@/lib/rooms/rooms";
import { generateSlug } from "@/lib/rooms/slug";

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++counter}`;

const newUser = (more: { role?: "ADMIN" | "MEMBER"; locale?: string | null } = {}) =>
  db.user.create({ data: { name: unique("Person"), email: `${unique("p")}@example.org`, ...more } });

type RoomSettings = {
  endedAt?: Date;
  joinPolicy?: "MEMBERS" | "INVITE_ONLY";
  allowGuests?: boolean;
  maxParticipants?: number;
  waitingRoom?: "EVERYONE" | "GUESTS" | "NOBODY";
  lockedAt?: Date;
  e2ee?: boolean;
};

async function newRoom(data: RoomSettings = {}) {
  const owner = await newUser();
  return db.room.create({ data: { slug: generateSlug(), name: unique("Room"), ownerId: owner.id, ...data } });
}

const member = (user: { id: string; name: string; email: string; role: "ADMIN" | "MEMBER" }): Actor => ({
  kind: "member",
  user: { id: user.id, name: user.name, email: user.email, role: user.role },
});

describe("the session's user", () => {
  it("is what db.user.findFirst returns: present, disabled, of an older session, unknown", async () => {
    const plain = await newUser();
    const admin = await newUser({ role: "ADMIN", locale: "ru" });
    const disabled = await newUser();
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const moved = await newUser();
    await db.user.update({ where: { id: moved.id }, data: { sessionVersion: 3 } });

    const cases: [string, number][] = [
      [plain.id, 0],
      [admin.id, 0],
      [disabled.id, 0],
      [moved.id, 0],
      [moved.id, 3],
      ["nobody", 0],
    ];
    for (const [id, version] of cases) {
      const prisma = await db.user.findFirst({
        where: { id, disabledAt: null, sessionVersion: version },
        select: { id: true, name: true, email: true, role: true, locale: true },
      });
      expect(await findSessionUser(id, version), `${id} v${version}`).toEqual(prisma);
    }
    expect(await findSessionUser(admin.id, 0)).toMatchObject({ role: "ADMIN", locale: "ru" });
    expect(await findSessionUser(disabled.id, 0)).toBeNull();
  });

  it("stops at once when the account is disabled, and comes back when it is enabled", async () => {
    const user = await newUser();
    expect(await findSessionUser(user.id, 0)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findSessionUser(user.id, 0)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect(await findSessionUser(user.id, 0)).not.toBeNull();
  });
});

describe("a room", () => {
  it("is what db.room.findUnique returns, every field, by slug and by id", async () => {
    const rooms = [
      await newRoom(),
      await newRoom({
        endedAt: new Date("2026-01-02T03:04:05.678Z"),
        joinPolicy: "INVITE_ONLY",
        allowGuests: false,
        maxParticipants: 7,
        waitingRoom: "EVERYONE",
        lockedAt: new Date(),
        e2ee: true,
      }),
      await newRoom({ waitingRoom: "NOBODY", maxParticipants: 0 }),
    ];
    for (const room of rooms) {
      const prisma = await db.room.findUnique({ where: { id: room.id }, select: roomFields });
      expect(await findRoomBySlug(room.slug)).toEqual(prisma);
      expect(await findRoomById(room.id)).toEqual(prisma);
    }
  });

  it("sees a change at once, and answers 404 for an unknown one", async () => {
    const room = await newRoom();
    await db.room.update({ where: { id: room.id }, data: { lockedAt: new Date(), name: "Renamed" } });
    expect(await findRoomBySlug(room.slug)).toMatchObject({ name: "Renamed", lockedAt: expect.any(Date) });
    await expect(findRoomBySlug("zzz-zzzz-zzz")).rejects.toMatchObject({ status: 404 });
    await expect(findRoomById("nothing")).rejects.toMatchObject({ status: 404 });
  });
});

describe("where someone stands in a room", () => {
  it("follows their grants: none, viewer, the highest of several, revoked, a co-host link revoked", async () => {
    const room = await newRoom();
    const creator = await newUser();
    const invite = (role: "VIEWER" | "PARTICIPANT" | "COHOST") =>
      db.invite.create({
        data: { roomId: room.id, tokenHash: unique("hash"), tokenNonce: "n", role, createdById: creator.id },
      });
    const grant = async (userId: string, role: "VIEWER" | "PARTICIPANT" | "COHOST", more = {}) =>
      db.roomAccess.create({ data: { roomId: room.id, userId, role, inviteId: (await invite(role)).id, ...more } });

    const nobody = await newUser();
    const viewer = await newUser();
    await grant(viewer.id, "VIEWER");
    const several = await newUser();
    await grant(several.id, "VIEWER");
    await grant(several.id, "COHOST");
    const revoked = await newUser();
    await grant(revoked.id, "COHOST", { revokedAt: new Date() });
    const linkRevoked = await newUser();
    const cohostLink = await invite("COHOST");
    await db.roomAccess.create({
      data: { roomId: room.id, userId: linkRevoked.id, role: "COHOST", inviteId: cohostLink.id },
    });
    await db.invite.update({ where: { id: cohostLink.id }, data: { revokedAt: new Date() } });
    const madeCohost = await newUser();
    await db.roomAccess.create({ data: { roomId: room.id, userId: madeCohost.id, role: "COHOST" } });

    expect(await standingIn(member(nobody), room)).toBe("member");
    expect(await standingIn(member(viewer), room)).toBe("viewer");
    expect(await standingIn(member(several), room)).toBe("cohost");
    expect(await standingIn(member(revoked), room)).toBe("member");
    expect(await standingIn(member(linkRevoked), room)).toBe("participant");
    expect(await standingIn(member(madeCohost), room)).toBe("cohost");
    expect(await standingIn(member(await db.user.findUniqueOrThrow({ where: { id: room.ownerId } })), room)).toBe(
      "host",
    );
  });

  it("for a guest: only in their room, with their grant", async () => {
    const room = await newRoom();
    const other = await newRoom();
    const creator = await newUser();
    const link = await db.invite.create({
      data: {
        roomId: room.id,
        tokenHash: unique("hash"),
        tokenNonce: "n",
        role: "PARTICIPANT",
        createdById: creator.id,
      },
    });
    const guest = await db.guest.create({
      data: { id: unique("guest"), roomId: room.id, displayName: "G", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const actor: Actor = { kind: "guest", guest };
    expect(await standingIn(actor, room)).toBe("anonymous");
    await db.roomAccess.create({
      data: { roomId: room.id, guestId: guest.id, role: "PARTICIPANT", inviteId: link.id },
    });
    expect(await standingIn(actor, room)).toBe("participant");
    expect(await standingIn(actor, other)).toBe("anonymous");
  });
});

describe("a removal", () => {
  it("names who removed, 'A host' once their account is gone, and nothing when there is none", async () => {
    const room = await newRoom();
    const host = await newUser();
    const removed = await newUser();
    expect(await findRemoval(room.id, removed.id)).toBeNull();
    await db.roomRemoval.create({ data: { roomId: room.id, identity: removed.id, name: "R", removedById: host.id } });
    expect(await findRemoval(room.id, removed.id)).toEqual({ removedBy: host.name });
    await db.user.delete({ where: { id: host.id } });
    expect(await findRemoval(room.id, removed.id)).toEqual({ removedBy: "A host" });
  });
});

describe("a join attempt", () => {
  it("is the row Prisma would write, read back by Prisma, and found by the arrival and the failure report", async () => {
    const room = await newRoom();
    const user = await newUser();
    const before = Date.now();
    const id = await recordJoinAttempt({
      roomId: room.id,
      identity: user.id,
      name: user.name,
      userId: user.id,
      guestId: null,
      inviteId: null,
    });
    expect(id).toMatch(/^c[0-9a-z]{24}$/);
    const row = await db.joinAttempt.findUniqueOrThrow({ where: { id } });
    expect(row).toEqual({
      id,
      roomId: room.id,
      identity: user.id,
      name: user.name,
      userId: user.id,
      guestId: null,
      inviteId: null,
      createdAt: expect.any(Date),
      arrivedAt: null,
      failureReason: null,
      failureMessage: null,
      failureReportedAt: null,
    });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    // Prisma's date filters compare the stored text: both must be written alike.
    expect(await db.joinAttempt.count({ where: { id, createdAt: { gte: new Date(before) } } })).toBe(1);

    expect(await reportJoinFailure(id, user.id, { reason: "ServerUnreachable", message: "m" })).toBe(true);
    const arrival = new Date();
    await markJoinArrived(room.slug, user.id, arrival);
    expect(await db.joinAttempt.findUniqueOrThrow({ where: { id } })).toMatchObject({
      arrivedAt: arrival,
      failureReason: "ServerUnreachable",
    });
  });
});
