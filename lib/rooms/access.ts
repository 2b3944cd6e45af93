import "server-only";
import type { Actor } from "../auth/actor";
import { db, preparedStatement, sql, type SqlRow } from "../db";
import { MeetingRole } from "../generated/prisma/enums";
import type { Standing } from "../policy";

const rank: Record<MeetingRole, number> = { VIEWER: 1, PARTICIPANT: 2, COHOST: 3 };

type RoomRef = { id: string; ownerId: string };

// Access revoked together with its link admits nobody. A co-host link that was revoked (link
// only) still admits those who came in through it, as participants: host powers end with the link.
type Grant = { role: MeetingRole; invite: { revokedAt: Date | null } | null };

// Read for every room page and room request: prepared statements (lib/db.ts says why), the same as
// db.roomAccess.findMany({ where: { roomId, userId or guestId, revokedAt: null },
// select: { role: true, invite: { select: { revokedAt: true } } } }).
const GRANTS = `SELECT a."role", a."inviteId", i."revokedAt" AS "inviteRevokedAt"
  FROM "RoomAccess" a LEFT JOIN "Invite" i ON i."id" = a."inviteId"
  WHERE a."roomId" = ? AND a."revokedAt" IS NULL`;
const memberGrants = preparedStatement<[roomId: string, userId: string], Grant>(
  `${GRANTS} AND a."userId" = ?`,
  toGrant,
);
const guestGrants = preparedStatement<[roomId: string, guestId: string], Grant>(
  `${GRANTS} AND a."guestId" = ?`,
  toGrant,
);

function toGrant(row: SqlRow): Grant {
  return {
    role: sql.oneOf(row.role, Object.values(MeetingRole)),
    invite: row.inviteId === null ? null : { revokedAt: sql.dateOrNull(row.inviteRevokedAt) },
  };
}

/** Where the caller stands in this room: see lib/policy.ts. */
export async function standingIn(actor: Actor | null, room: RoomRef): Promise<Standing> {
  if (!actor) return "anonymous";
  if (actor.kind === "member") {
    if (actor.user.role === "ADMIN" || actor.user.id === room.ownerId) return "host";
    return highest(await memberGrants.all(room.id, actor.user.id)) ?? "member";
  }
  if (actor.guest.roomId !== room.id) return "anonymous";
  return highest(await guestGrants.all(room.id, actor.guest.id)) ?? "anonymous";
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
