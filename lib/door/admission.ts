import "server-only";
import { db } from "../db";
import { AppError } from "../http";
import { removeLiveKitParticipant } from "../livekit/room-service";
import { logger } from "../logger";
import type { Standing } from "../policy";
import { standingOfIdentity } from "../rooms/access";
import { roomFields, type Room } from "../rooms/rooms";
import { roomLocked } from "./refusals";
import { mustWait } from "./rules";

// The door of a room, as the server enforces it: on every join token (lib/meetings/join-credentials.ts)
// and on every arrival LiveKit reports (so a token handed out earlier gets nobody past a lock).

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
  return (await db.attendance.count({ where: { identity, joinedAt: { lt: lockedAt }, meeting: { roomId, endedAt: null } } })) > 0;
}

/**
 * LiveKit reports someone arriving in a meeting. A join token lives for minutes: one handed out
 * before the room was locked, or before the meeting ended and took its admissions with it, must
 * not get anyone in whom the door would stop now. They are removed at once.
 */
export async function enforceDoorOnArrival(slug: string, identity: string): Promise<void> {
  const room = await db.room.findUnique({ where: { slug }, select: roomFields });
  if (!room || (!room.lockedAt && room.waitingRoom === "NOBODY")) return;
  const { kind, standing } = await standingOfIdentity(identity, room);
  let verdict: "open" | "wait" | "locked";
  try {
    verdict = await doorFor({ identity, kind, standing, room });
  } catch (error) {
    if (!(error instanceof AppError && error.code === "room_locked")) throw error;
    verdict = "locked";
  }
  if (verdict === "open") return;
  logger.info("door_removed_arrival", { room: slug, identity, reason: verdict });
  await removeLiveKitParticipant(slug, identity);
}
