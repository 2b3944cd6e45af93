import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { MeetingRole } from "../generated/prisma/client";
import type { Standing } from "../policy";

const rank: Record<MeetingRole, number> = { VIEWER: 1, PARTICIPANT: 2, COHOST: 3 };

type RoomRef = { id: string; ownerId: string };

/** Where the caller stands in this room: see lib/policy.ts. */
export async function standingIn(actor: Actor | null, room: RoomRef): Promise<Standing> {
  if (!actor) return "anonymous";
  if (actor.kind === "member") {
    if (actor.user.role === "ADMIN" || actor.user.id === room.ownerId) return "host";
    const grants = await db.roomAccess.findMany({ where: { roomId: room.id, userId: actor.user.id }, select: { role: true } });
    return highest(grants) ?? "member";
  }
  if (actor.guest.roomId !== room.id) return "anonymous";
  const grants = await db.roomAccess.findMany({ where: { roomId: room.id, guestId: actor.guest.id }, select: { role: true } });
  return highest(grants) ?? "anonymous";
}

function highest(grants: { role: MeetingRole }[]): Standing | null {
  if (grants.length === 0) return null;
  const best = grants.reduce((a, b) => (rank[b.role] > rank[a.role] ? b : a));
  return best.role.toLowerCase() as Standing;
}

/**
 * Where someone known only by their LiveKit identity (an account id or a guest id) stands in this
 * room now, for checks that start from the media server (webhooks). An expired guest pass is nobody.
 */
export async function standingOfIdentity(identity: string, room: RoomRef): Promise<{ kind: Actor["kind"]; standing: Standing }> {
  const guest = await db.guest.findFirst({ where: { id: identity, expiresAt: { gt: new Date() } }, select: { id: true, roomId: true, displayName: true, expiresAt: true } });
  if (guest) return { kind: "guest", standing: await standingIn({ kind: "guest", guest }, room) };
  const user = await db.user.findUnique({ where: { id: identity }, select: { id: true, name: true, email: true, role: true } });
  if (user) return { kind: "member", standing: await standingIn({ kind: "member", user }, room) };
  return { kind: "guest", standing: "anonymous" };
}
