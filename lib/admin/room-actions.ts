import "server-only";
import { TrackSource } from "livekit-server-sdk";
import { z } from "zod";
import type { SessionUser } from "../accounts/accounts";
import { db } from "../db";
import { AppError } from "../http";
import { recordRoomClosed } from "../meetings/attendance";
import { deleteLiveKitRoom, muteLiveKitSource, removeLiveKitParticipant } from "../livekit/room-service";
import { findRoomBySlug } from "../rooms/rooms";
import { recordAudit } from "./audit";

// What an admin can do to a room or to someone in it. Each action is written to the audit log.

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
  await deleteLiveKitRoom(room.slug);
  await recordRoomClosed(room.slug, new Date());
  await recordAudit(admin.id, wasLive ? "room.end_meeting" : "room.close", { type: "room", id: room.slug, label: room.name });
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

const notInMeeting = () => new AppError("participant_not_found", "That person is not in this meeting.");

// The identities Parley gives out (account ids, guest ids); anything else is nobody in a meeting.
const isIdentity = (identity: string) => /^[A-Za-z0-9_-]{1,64}$/.test(identity);

async function presentName(roomId: string, identity: string): Promise<string> {
  const stay = await db.attendance.findFirst({ where: { identity, leftAt: null, meeting: { roomId } }, select: { name: true } });
  return stay?.name ?? identity;
}

export async function removeParticipant(admin: SessionUser, slug: string, identity: string): Promise<void> {
  const room = await findRoomBySlug(slug);
  if (!isIdentity(identity)) throw notInMeeting();
  const name = await presentName(room.id, identity);
  if (!(await removeLiveKitParticipant(room.slug, identity))) throw notInMeeting();
  await recordAudit(admin.id, "participant.remove", { type: "participant", id: identity, label: name, detail: `in ${room.name} (${room.slug})` });
}

export const muteSchema = z.object({ source: z.enum(["microphone", "camera"]) }).strict();

export async function muteParticipant(admin: SessionUser, slug: string, identity: string, source: "microphone" | "camera"): Promise<void> {
  const room = await findRoomBySlug(slug);
  if (!isIdentity(identity)) throw notInMeeting();
  const name = await presentName(room.id, identity);
  const result = await muteLiveKitSource(room.slug, identity, source === "microphone" ? TrackSource.MICROPHONE : TrackSource.CAMERA);
  if (result === "absent") throw notInMeeting();
  if (result === "nothing") throw new AppError("nothing_to_mute", `${name}'s ${source} is already off.`);
  await recordAudit(admin.id, source === "microphone" ? "participant.mute_microphone" : "participant.mute_camera", {
    type: "participant",
    id: identity,
    label: name,
    detail: `in ${room.name} (${room.slug})`,
  });
}
