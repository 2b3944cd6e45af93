import "server-only";
import { db } from "../db";
import type { Standing } from "../policy";
import type { Room } from "../rooms/rooms";
import { roomLocked } from "./refusals";
import { mustWait } from "./rules";

// The door of a room, as the server enforces it: on every join token (lib/meetings/join-credentials.ts)
// and on every arrival LiveKit reports (lib/meetings/stay-rules.ts: a token handed out earlier gets
// nobody past a lock).

export type AtTheDoor = { identity: string; kind: "member" | "guest"; standing: Standing; room: Room };

/**
 * "open": come in. "wait": knock and wait for a host. A locked room refuses (room_locked) anyone
 * new: people already in its meeting before the lock, and people a host admitted, are not new.
 * Hosts and co-hosts always pass: they run the door, and must be able to come back to unlock it.
 */
export async function doorFor({ identity, kind, standing, room }: AtTheDoor): Promise<"open" | "wait"> {
  if (standing === "host" || standing === "cohost") return "open";
  const waits = mustWait(room.waitingRoom, kind, standing);
  if (!waits && !room.lockedAt) return "open";
  const admitted = await isAdmitted(room.id, identity);
  if (room.lockedAt && !admitted && !(await wasInBeforeLock(room.id, identity, room.lockedAt))) throw roomLocked();
  return waits && !admitted ? "wait" : "open";
}

/**
 * Whether a host let this identity in "for this meeting": an admission holds until a meeting of
 * the room ends after it (so it also covers a meeting that starts after the admission).
 */
export async function isAdmitted(roomId: string, identity: string): Promise<boolean> {
  const admission = await db.knock.findFirst({
    where: { roomId, identity, status: "ADMITTED" },
    orderBy: { decidedAt: "desc" },
    select: { decidedAt: true },
  });
  if (!admission?.decidedAt) return false;
  return (await db.meeting.count({ where: { roomId, endedAt: { gt: admission.decidedAt } } })) === 0;
}

/** In the meeting going on now since before the lock (someone whose connection dropped comes back). */
async function wasInBeforeLock(roomId: string, identity: string, lockedAt: Date): Promise<boolean> {
  return (
    (await db.attendance.count({
      where: { identity, joinedAt: { lt: lockedAt }, meeting: { roomId, endedAt: null } },
    })) > 0
  );
}
