import "server-only";
import { db, isUniqueViolation, preparedStatement, sql, type SqlRow } from "../db";
import { JoinPolicy, WaitingRoom } from "../generated/prisma/enums";
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
  const room = isSlug(slug) ? await roomBySlug.get(slug) : null;
  if (!room) throw notFound("This meeting");
  return room;
}

export async function findRoomById(id: string): Promise<Room> {
  const room = await roomById.get(id);
  if (!room) throw notFound("This meeting");
  return room;
}

// Read by every room page and room request: prepared statements (lib/db.ts says why), the same as
// db.room.findUnique({ where: { slug } or { id }, select: roomFields }).
const ROOM_COLUMNS = `"slug", "name", "createdAt", "endedAt", "id", "ownerId", "joinPolicy", "allowGuests",
  "maxParticipants", "waitingRoom", "lockedAt", "e2ee"`;
const roomBySlug = preparedStatement<[slug: string], Room>(
  `SELECT ${ROOM_COLUMNS} FROM "Room" WHERE "slug" = ?`,
  toRoom,
);
const roomById = preparedStatement<[id: string], Room>(`SELECT ${ROOM_COLUMNS} FROM "Room" WHERE "id" = ?`, toRoom);

function toRoom(row: SqlRow): Room {
  return {
    slug: sql.text(row.slug),
    name: sql.text(row.name),
    createdAt: sql.date(row.createdAt),
    endedAt: sql.dateOrNull(row.endedAt),
    id: sql.text(row.id),
    ownerId: sql.text(row.ownerId),
    joinPolicy: sql.oneOf(row.joinPolicy, Object.values(JoinPolicy)),
    allowGuests: sql.boolean(row.allowGuests),
    maxParticipants: sql.intOrNull(row.maxParticipants),
    waitingRoom: sql.oneOf(row.waitingRoom, Object.values(WaitingRoom)),
    lockedAt: sql.dateOrNull(row.lockedAt),
    e2ee: sql.boolean(row.e2ee),
  };
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
