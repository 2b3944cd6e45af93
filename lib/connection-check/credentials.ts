import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { actorIdentity, type Actor } from "../auth/actor";
import { env } from "../env";
import { AppError } from "../http";
import { ensureLiveKitRoom } from "../livekit/room-service";
import { mintConnectionCheckToken } from "../livekit/token";

export type ConnectionCheckCredentials = {
  serverUrl: string;
  token: string;
  /** False when the app could not open the check room: LiveKit's API did not answer it. */
  roomOpened: boolean;
};

/**
 * A room of the caller's own for the connection check, never a meeting's: its name cannot be a
 * meeting code (those are three groups of letters), so webhooks and reconciliation pass it by,
 * and the identity is not the caller's meeting identity, so a check never pushes them out of a
 * meeting they are in.
 */
export function connectionCheckRoom(actor: Actor): { room: string; identity: string } {
  const id = createHash("sha256").update(actorIdentity(actor)).digest("hex").slice(0, 24);
  // A fresh identity each time: LiveKit remembers a participant's ICE preference (the check's
  // TCP step asks for TCP only) per room and identity for a while.
  return { room: `check_${id}`, identity: `check_${id}_${randomBytes(4).toString("hex")}` };
}

export async function issueConnectionCheck(actor: Actor): Promise<ConnectionCheckCredentials> {
  const { room, identity } = connectionCheckRoom(actor);
  let roomOpened = true;
  try {
    await ensureLiveKitRoom(room, 2);
  } catch (error) {
    // The check goes on: its signalling step then tells the person the media server is out of
    // reach, which is what they need to know.
    if (!(error instanceof AppError)) throw error;
    roomOpened = false;
  }
  return { serverUrl: env().LIVEKIT_PUBLIC_URL, token: await mintConnectionCheckToken({ room, identity }), roomOpened };
}
