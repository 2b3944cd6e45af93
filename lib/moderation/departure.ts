import "server-only";
import { actorIdentity, type Actor } from "../auth/actor";
import { db } from "../db";
import type { Room } from "../rooms/rooms";
import { findRemoval } from "./removals";
import type { Departure } from "./rules";

/** What the server knows of why this person may have left the room's meeting: only about them. */
export async function departureOf(actor: Actor, room: Room): Promise<Departure> {
  const identity = actorIdentity(actor);
  const [removal, revoked, ended] = await Promise.all([
    findRemoval(room.id, identity),
    db.roomAccess.findFirst({
      where: {
        roomId: room.id,
        ...(actor.kind === "member" ? { userId: identity } : { guestId: identity }),
        revokedAt: { not: null },
      },
      orderBy: { revokedAt: "desc" },
      select: { revokedBy: true },
    }),
    db.room.findUnique({ where: { id: room.id }, select: { endedForAllBy: true } }),
  ]);
  return {
    removedBy: removal?.removedBy ?? null,
    accessRevokedBy: revoked?.revokedBy ?? null,
    endedBy: ended?.endedForAllBy ?? null,
    roomClosed: room.endedAt !== null,
  };
}
