import "server-only";
import type { SessionUser } from "./accounts/accounts";
import { env } from "./env";
import { ensureLiveKitRoom } from "./livekit/rooms";
import { mintJoinToken } from "./livekit/token";
import { policy } from "./policy";
import { findRoomBySlug } from "./rooms/rooms";

export type JoinCredentials = { serverUrl: string; token: string; room: { slug: string; name: string } };

/** Everything a browser needs to enter a meeting, after every server-side check. */
export async function issueJoinCredentials(user: SessionUser, slug: string): Promise<JoinCredentials> {
  const room = await findRoomBySlug(slug);
  policy.joinRoom(user, room);
  await ensureLiveKitRoom(room.slug);
  const token = await mintJoinToken({ room: room.slug, identity: user.id, name: user.name, role: "participant" });
  return { serverUrl: env().LIVEKIT_PUBLIC_URL, token, room: { slug: room.slug, name: room.name } };
}
