import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { MeetingRole } from "../generated/prisma/client";
import type { Standing } from "../policy";

const rank: Record<MeetingRole, number> = { VIEWER: 1, PARTICIPANT: 2, COHOST: 3 };

type RoomRef = { id: string; ownerId: string };

// Access revoked together with its link admits nobody. A co-host link that was revoked (link
// only) still admits those who came in through it, as participants: host powers end with the link.
const grantFields = { role: true, invite: { select: { revokedAt: true } } } as const;
type Grant = { role: MeetingRole; invite: { revokedAt: Date | null } | null };

/** Where the caller stands in this room: see lib/policy.ts. */
export async function standingIn(actor: Actor | null, room: RoomRef): Promise<Standing> {
  if (!actor) return "anonymous";
  if (actor.kind === "member") {
    if (actor.user.role === "ADMIN" || actor.user.id === room.ownerId) return "host";
    const grants = await db.roomAccess.findMany({
      where: { roomId: room.id, userId: actor.user.id, revokedAt: null },
      select: grantFields,
    });
    return highest(grants) ?? "member";
  }
  if (actor.guest.roomId !== room.id) return "anonymous";
  const grants = await db.roomAccess.findMany({
    where: { roomId: room.id, guestId: actor.guest.id, revokedAt: null },
    select: grantFields,
  });
  return highest(grants) ?? "anonymous";
}

function effectiveRole(grant: Grant): MeetingRole {
  return grant.role === "COHOST" && grant.invite?.revokedAt ? "PARTICIPANT" : grant.role;
}

function highest(grants: Grant[]): Standing | null {
  if (grants.length === 0) return null;
  const best = grants.map(effectiveRole).reduce((a, b) => (rank[b] > rank[a] ? b : a));
  return best.toLowerCase() as Standing;
}

/**
 * A host's decision in the meeting: this member is a co-host of the room from now on, or is no
 * longer one (every co-host grant they hold here, a link's included, becomes a participant's).
 */
export async function setCohostGrant(roomId: string, userId: string, cohost: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!cohost) {
      await tx.roomAccess.updateMany({ where: { roomId, userId, role: "COHOST" }, data: { role: "PARTICIPANT" } });
      return;
    }
    const decided = await tx.roomAccess.findFirst({ where: { roomId, userId, inviteId: null }, select: { id: true } });
    if (decided) await tx.roomAccess.update({ where: { id: decided.id }, data: { role: "COHOST", revokedAt: null } });
    else await tx.roomAccess.create({ data: { roomId, userId, role: "COHOST" } });
  });
}
