import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

// The key that end-to-end encrypted rooms' browsers encrypt every track with. One per meeting,
// that is one LiveKit room instance (its sid): a room opened afresh gets a new key even when the
// end of the previous one was never heard of. It leaves the server only in the answer that also
// carries a join token (issueJoinCredentials); never in a token, metadata, data message or log.

const KEY_BYTES = 32;

/** The current meeting's key, made on first use: inside one transaction, so concurrent first joins share one key. */
export function mediaKeyFor(roomId: string, livekitRoomSid: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const current = await tx.mediaKey.findUnique({ where: { roomId }, select: { key: true, livekitRoomSid: true } });
    if (current?.livekitRoomSid === livekitRoomSid) return current.key;
    const fresh = { livekitRoomSid, key: randomBytes(KEY_BYTES).toString("base64"), createdAt: new Date() };
    await tx.mediaKey.upsert({ where: { roomId }, create: { roomId, ...fresh }, update: fresh });
    return fresh.key;
  });
}

/**
 * The meeting ended: its key goes. Named by its LiveKit room sid when known (LiveKit's
 * room_finished, whose time has whole seconds only), else by when it ended. A key of a later
 * meeting (a join raced the end's report) stays.
 */
export async function dropMediaKey(
  tx: Prisma.TransactionClient,
  roomId: string,
  ended: { at: Date; livekitRoomSid?: string },
): Promise<void> {
  await tx.mediaKey.deleteMany({
    where: ended.livekitRoomSid
      ? { roomId, livekitRoomSid: ended.livekitRoomSid }
      : { roomId, createdAt: { lte: ended.at } },
  });
}

/** The room stopped being encrypted: no key survives it. */
export async function dropMediaKeyOf(tx: Prisma.TransactionClient, roomId: string): Promise<void> {
  await tx.mediaKey.deleteMany({ where: { roomId } });
}
