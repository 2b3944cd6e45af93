import "server-only";
import { db, isUniqueViolation } from "../db";
import { AppError, notFound } from "../http";
import { liveParticipants } from "../livekit/room-service";
import { dropMediaKeyOf } from "../meetings/media-key";
import type { SessionUser } from "../accounts/accounts";
import type { WaitingRoomChoice } from "../door/rules";
import { generateSlug, isSlug } from "./slug";

export type RoomSummary = { slug: string; name: string; createdAt: Date; endedAt: Date | null };

const summaryFields = { slug: true, name: true, createdAt: true, endedAt: true } as const;

export async function createRoom(owner: SessionUser, name: string | undefined): Promise<RoomSummary> {
  const roomName = name && name.length > 0 ? name : `${owner.name}'s meeting`;
  // 2^47 codes make a clash vanishingly rare; retry anyway rather than fail.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.room.create({
        data: { slug: generateSlug(), name: roomName, ownerId: owner.id },
        select: summaryFields,
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

export function listRoomsOwnedBy(ownerId: string, { take = 50 }: { take?: number } = {}): Promise<RoomSummary[]> {
  return db.room.findMany({
    where: { ownerId },
    orderBy: { createdAt: "desc" },
    take,
    select: summaryFields,
  });
}

export const roomFields = {
  ...summaryFields,
  id: true,
  ownerId: true,
  joinPolicy: true,
  allowGuests: true,
  maxParticipants: true,
  waitingRoom: true,
  lockedAt: true,
  e2ee: true,
} as const;

export type Room = RoomSummary & {
  id: string;
  ownerId: string;
  joinPolicy: "MEMBERS" | "INVITE_ONLY";
  allowGuests: boolean;
  maxParticipants: number | null;
  /** Who knocks and waits to be let in (lib/door/). */
  waitingRoom: WaitingRoomChoice;
  lockedAt: Date | null;
  /** Every track is encrypted in the browsers (lib/meetings/media-key.ts). */
  e2ee: boolean;
};

/** The room behind a meeting link, or a 404 (also for strings that cannot be a slug). */
export async function findRoomBySlug(slug: string): Promise<Room> {
  const room = isSlug(slug) ? await db.room.findUnique({ where: { slug }, select: roomFields }) : null;
  if (!room) throw notFound("This meeting");
  return room;
}

export async function findRoomById(id: string): Promise<Room> {
  const room = await db.room.findUnique({ where: { id }, select: roomFields });
  if (!room) throw notFound("This meeting");
  return room;
}

export type RoomSettings = Pick<Room, "joinPolicy" | "allowGuests" | "maxParticipants" | "waitingRoom" | "e2ee">;

/**
 * Encryption is switched only between meetings: the key and the browsers' setup are made as each
 * person joins, so a switch halfway through would leave some people unable to see the others.
 */
export async function updateRoomSettings(room: Room, settings: Partial<RoomSettings>): Promise<RoomSettings> {
  const switchesEncryption = settings.e2ee !== undefined && settings.e2ee !== room.e2ee;
  if (switchesEncryption && (await meetingGoingOn(room))) {
    throw new AppError(
      "e2ee_meeting_live",
      "End-to-end encryption can be switched only while nobody is in the meeting. Try again after it ends.",
    );
  }
  return db.$transaction(async (tx) => {
    if (switchesEncryption) await dropMediaKeyOf(tx, room.id);
    return tx.room.update({
      where: { id: room.id },
      data: settings,
      select: { joinPolicy: true, allowGuests: true, maxParticipants: true, waitingRoom: true, e2ee: true },
    });
  });
}

async function meetingGoingOn(room: Room): Promise<boolean> {
  const open = await db.meeting.findFirst({ where: { roomId: room.id, endedAt: null }, select: { id: true } });
  return open !== null || (await liveParticipants(room.slug)).length > 0;
}
