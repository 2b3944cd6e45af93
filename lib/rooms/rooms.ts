import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { notFound } from "../http";
import type { SessionUser } from "../accounts/accounts";
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
      const clash = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!clash || attempt >= 3) throw error;
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

export type RoomForJoin = RoomSummary & { id: string; ownerId: string };

/** The room behind a meeting link, or a 404 (also for strings that cannot be a slug). */
export async function findRoomBySlug(slug: string): Promise<RoomForJoin> {
  const room = isSlug(slug)
    ? await db.room.findUnique({ where: { slug }, select: { ...summaryFields, id: true, ownerId: true } })
    : null;
  if (!room) throw notFound("This meeting");
  return room;
}
