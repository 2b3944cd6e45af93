import "server-only";
import { db, preparedStatement, sql } from "../db";

// Who was removed from a room's meeting: refused a token there until a host lets them back in.

// When the account that removed someone is gone, the removal still holds.
const SOMEONE = "A host";

export type RemovalView = { identity: string; name: string; removedBy: string; removedAt: Date };

export function findRemoval(roomId: string, identity: string): Promise<{ removedBy: string } | null> {
  return removalOf.get(roomId, identity);
}

// Checked on every join token: a prepared statement (lib/db.ts says why), the same as
// db.roomRemoval.findUnique({ where: { roomId_identity }, select: { removedBy: { select: { name: true } } } }).
const removalOf = preparedStatement<[roomId: string, identity: string], { removedBy: string }>(
  `SELECT u."name" AS "removedByName" FROM "RoomRemoval" r LEFT JOIN "User" u ON u."id" = r."removedById"
   WHERE r."roomId" = ? AND r."identity" = ?`,
  (row) => ({ removedBy: sql.textOrNull(row.removedByName) ?? SOMEONE }),
);

/** Newest first; a room's list stays short (people are let back in or it is a handful). */
export async function listRemovals(roomId: string, { take = 100 }: { take?: number } = {}): Promise<RemovalView[]> {
  const removals = await db.roomRemoval.findMany({
    where: { roomId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { identity: true, name: true, createdAt: true, removedBy: { select: { name: true } } },
  });
  return removals.map((removal) => ({
    identity: removal.identity,
    name: removal.name,
    removedBy: removal.removedBy?.name ?? SOMEONE,
    removedAt: removal.createdAt,
  }));
}

/** Removed again while still on the list: the latest decision and its author count. */
export async function recordRemoval(
  roomId: string,
  identity: string,
  name: string,
  removedById: string,
): Promise<void> {
  await db.roomRemoval.upsert({
    where: { roomId_identity: { roomId, identity } },
    create: { roomId, identity, name, removedById },
    update: { name, removedById, createdAt: new Date() },
  });
}

/** Lets the person back in; their name as removed, or null when they were not on the list. */
export async function liftRemoval(roomId: string, identity: string): Promise<{ name: string } | null> {
  return db.$transaction(async (tx) => {
    const removal = await tx.roomRemoval.findUnique({
      where: { roomId_identity: { roomId, identity } },
      select: { id: true, name: true },
    });
    if (!removal) return null;
    await tx.roomRemoval.delete({ where: { id: removal.id } });
    return { name: removal.name };
  });
}

/** Removals decided within `sinceMs`: whose tokens may still be valid. */
export function recentRemovals(sinceMs: number): Promise<{ identity: string; room: { slug: string } }[]> {
  return db.roomRemoval.findMany({
    where: { createdAt: { gte: new Date(Date.now() - sinceMs) } },
    select: { identity: true, room: { select: { slug: true } } },
  });
}
