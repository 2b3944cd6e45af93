import "server-only";
import { actorIdentity, type Actor } from "../auth/actor";
import { env } from "../env";
import { AppError } from "../http";
import { ensureLiveKitRoom, liveParticipantIdentities } from "../livekit/room-service";
import { mintJoinToken } from "../livekit/token";
import { recordJoinAttempt } from "./join-attempts";
import { authorize, publishingRole, type Standing } from "../policy";
import { standingIn } from "../rooms/access";
import type { RoomContext } from "../rooms/guard";
import { findRoomById } from "../rooms/rooms";
import { redeemInvite } from "../invites/invites";

export type JoinCredentials = {
  serverUrl: string;
  token: string;
  role: "participant" | "viewer";
  room: { slug: string; name: string };
  /** This join attempt, for the browser to report a failed connection (lib/meetings/join-attempts.ts). */
  attemptId: string;
  /** Set only on a test instance (TEST_ONLY_FORCE_TURN_RELAY): connect through TURN relays alone. */
  iceTransportPolicy?: "relay";
};

/**
 * Everything a browser needs to enter a meeting, after every rule is checked here, on the
 * server: who may join (lib/policy.ts), ended rooms, guest policy and the room's capacity.
 * `standing` is where the actor stands in the room, as the caller has just read it.
 */
export async function issueJoinCredentials({ actor, room, standing }: RoomContext, inviteId: string | null = null): Promise<JoinCredentials> {
  authorize("joinMeeting", standing, room);
  if (room.endedAt) throw new AppError("room_ended", "This meeting has ended.");
  if (actor.kind === "guest" && !room.allowGuests) {
    throw new AppError("guests_no_longer_allowed", "This meeting no longer admits guests.");
  }
  const identity = actorIdentity(actor);
  if (room.maxParticipants !== null) {
    const present = await liveParticipantIdentities(room.slug);
    if (present.filter((other) => other !== identity).length >= room.maxParticipants) {
      throw new AppError("room_full", `This meeting is full (${room.maxParticipants} people).`);
    }
  }
  await ensureLiveKitRoom(room.slug, room.maxParticipants);
  const role = publishingRole(standing);
  const name = actor.kind === "member" ? actor.user.name : `${actor.guest.displayName} (guest)`;
  const token = await mintJoinToken({ room: room.slug, identity, name, role, attributes: participantAttributes(actor, standing) });
  const attemptId = await recordJoinAttempt({
    roomId: room.id,
    identity,
    name,
    userId: actor.kind === "member" ? actor.user.id : null,
    guestId: actor.kind === "guest" ? actor.guest.id : null,
    inviteId,
  });
  const { LIVEKIT_PUBLIC_URL, TEST_ONLY_FORCE_TURN_RELAY } = env();
  return {
    serverUrl: LIVEKIT_PUBLIC_URL,
    token,
    role,
    room: { slug: room.slug, name: room.name },
    attemptId,
    ...(TEST_ONLY_FORCE_TURN_RELAY ? { iceTransportPolicy: "relay" as const } : {}),
  };
}

function participantAttributes(actor: Actor, standing: Standing): Record<string, string> {
  return { "parley.kind": actor.kind, "parley.standing": standing };
}

/**
 * Joining through an invite link: the use is counted, a guest is admitted under the name they
 * typed, and the credentials come back. `newGuestId` is set when the browser must remember a guest.
 */
export async function joinThroughInvite(
  token: string,
  caller: Actor | null,
  guestName: string | undefined,
): Promise<{ credentials: JoinCredentials; guestId: string | null }> {
  const { roomId, guestId, inviteId } = await redeemInvite(token, caller, guestName);
  const room = await findRoomById(roomId);
  const actor: Actor =
    caller?.kind === "member"
      ? caller
      : caller?.kind === "guest" && caller.guest.id === guestId
        ? caller
        : { kind: "guest", guest: { id: guestId!, roomId, displayName: guestName! } };
  const standing = await standingIn(actor, room);
  return { credentials: await issueJoinCredentials({ actor, room, standing }, inviteId), guestId: actor.kind === "guest" ? actor.guest.id : null };
}
