import "server-only";
import type { SessionUser } from "../accounts/accounts";
import { db } from "../db";
import { recordRoomClosed } from "../meetings/attendance";
import { deleteLiveKitRoom } from "../livekit/room-service";
import { tell } from "../moderation/tell";
import { findRoomBySlug } from "../rooms/rooms";
import { recordAudit } from "./audit";

// What only an admin can do to a room. Each action is written to the audit log. (What an admin
// does to one person in a meeting, hosts and co-hosts do too: lib/moderation/.)

/** When the room was closed (POST /api/admin/rooms/[slug]/end). */
export type EndedRoom = { endedAt: Date };

/**
 * Ends the meeting for everyone (LiveKit closes the room and tells each browser why) and
 * closes the room: new joins are refused (410) until an admin reopens it.
 */
export async function endRoom(admin: SessionUser, slug: string): Promise<EndedRoom> {
  const room = await findRoomBySlug(slug);
  const wasLive = (await db.meeting.count({ where: { roomId: room.id, endedAt: null } })) > 0;
  const endedAt = room.endedAt ?? new Date();
  // Closed in our records first, so nobody gets a fresh token while LiveKit is emptying the room.
  await db.room.update({ where: { id: room.id }, data: { endedAt } });
  await tell(room.slug, { kind: "room_closed", by: admin.name });
  await deleteLiveKitRoom(room.slug);
  await recordRoomClosed(room.slug, new Date());
  await recordAudit(admin.id, wasLive ? "room.end_meeting" : "room.close", {
    type: "room",
    id: room.slug,
    label: room.name,
  });
  return { endedAt };
}

export async function reopenRoom(admin: SessionUser, slug: string): Promise<void> {
  const room = await findRoomBySlug(slug);
  await db.room.update({ where: { id: room.id }, data: { endedAt: null } });
  await recordAudit(admin.id, "room.reopen", { type: "room", id: room.slug, label: room.name });
}

/** Deletes the room, its links and its history, after disconnecting anyone still in it. */
export async function deleteRoom(admin: SessionUser, slug: string): Promise<void> {
  const room = await findRoomBySlug(slug);
  await deleteLiveKitRoom(room.slug);
  await db.room.delete({ where: { id: room.id } });
  await recordAudit(admin.id, "room.delete", { type: "room", id: room.slug, label: room.name });
}
