import "server-only";
import { recordAudit } from "../admin/audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { Room } from "../rooms/rooms";

/**
 * Locks or unlocks a room. While locked nobody new gets in, not even with a valid link
 * (lib/door/admission.ts); those already in stay. Written to the audit log.
 */
export async function setRoomLocked(by: Actor, room: Room, locked: boolean): Promise<{ locked: boolean }> {
  if (locked === (room.lockedAt !== null)) return { locked };
  await db.room.update({ where: { id: room.id }, data: { lockedAt: locked ? new Date() : null } });
  // Guests never hold host powers, so whoever may lock is a member.
  if (by.kind === "member")
    await recordAudit(by.user.id, locked ? "room.lock" : "room.unlock", {
      type: "room",
      id: room.slug,
      label: room.name,
    });
  return { locked };
}
