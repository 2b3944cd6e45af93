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
import { doorFor } from "../door/admission";
import { waitingRoom } from "../door/refusals";
import type { GuestIdentity } from "../guests/guests";
import { findRemoval } from "../moderation/removals";
import { ATTRIBUTES } from "./attributes";
import { recordingEnabled } from "../recordings/recorder-client";
import { mediaKeyFor } from "./media-key";

export type JoinCredentials = {
  serverUrl: string;
  token: string;
  role: "participant" | "viewer";
  room: { slug: string; name: string };
  /** This join attempt, for the browser to report a failed connection (lib/meetings/join-attempts.ts). */
  attemptId: string;
  /**
   * Only for an end-to-end encrypted room: this meeting's media key (32 bytes, base64), which the
   * browser encrypts and decrypts every track with. It travels only here, beside the token.
   */
  e2ee?: { key: string };
  /** Set only on a test instance (TEST_ONLY_FORCE_TURN_RELAY): connect through TURN relays alone. */
  iceTransportPolicy?: "relay";
  /**
   * Set when the server can record this meeting: recording is set up (RECORDER_URL) and the room is
   * not end-to-end encrypted (the recorder holds no key). Who may start it is still the server's call.
   */
  recordable?: true;
  /** The camera's codec when the server's VIDEO_CODEC is not the default (VP8 simulcast). */
  videoCodec?: "vp9" | "av1" | "h264";
};

/**
 * The rules before the door: who may join (lib/policy.ts), ended rooms, guest policy, people a
 * host removed. Knocking (lib/door/knocks.ts) checks them too, so nobody waits at a door that
 * would never open.
 */
export async function checkMayEnter({ actor, room, standing }: RoomContext): Promise<void> {
  authorize("joinMeeting", standing, room);
  if (room.endedAt) throw new AppError("room_ended", "This meeting has ended.");
  if (actor.kind === "guest" && !room.allowGuests) {
    throw new AppError("guests_no_longer_allowed", "This meeting no longer admits guests.");
  }
  const removal = await findRemoval(room.id, actorIdentity(actor));
  if (removal)
    throw new AppError("removed", `${removal.removedBy} removed you from this meeting. A host can let you back in.`);
}

/**
 * Everything a browser needs to enter a meeting, after every rule is checked here, on the
 * server: the rules before the door, the door itself (a lock, the waiting room: lib/door/) and
 * the room's capacity. `standing` is where the actor stands in the room, as the caller has just read it.
 * Each is recorded as a join attempt through `inviteId` (null: the room's own link).
 */
export async function issueJoinCredentials(
  context: RoomContext,
  inviteId: string | null = null,
): Promise<JoinCredentials> {
  await checkMayEnter(context);
  const { actor, room, standing } = context;
  const identity = actorIdentity(actor);
  if ((await doorFor({ identity, kind: actor.kind, standing, room })) === "wait") throw waitingRoom();
  if (room.maxParticipants !== null) {
    const present = await liveParticipantIdentities(room.slug);
    if (present.filter((other) => other !== identity).length >= room.maxParticipants) {
      throw new AppError("room_full", `This meeting is full (${room.maxParticipants} people).`);
    }
  }
  const livekitRoomSid = await ensureLiveKitRoom(room.slug, room.maxParticipants);
  const e2ee = room.e2ee ? { key: await mediaKeyFor(room.id, livekitRoomSid) } : null;
  const role = publishingRole(standing);
  const name = actor.kind === "member" ? actor.user.name : `${actor.guest.displayName} (guest)`;
  const token = await mintJoinToken({
    room: room.slug,
    identity,
    name,
    role,
    attributes: participantAttributes(actor, standing),
  });
  const attemptId = await recordJoinAttempt({
    roomId: room.id,
    identity,
    name,
    userId: actor.kind === "member" ? actor.user.id : null,
    guestId: actor.kind === "guest" ? actor.guest.id : null,
    inviteId,
  });
  const { LIVEKIT_PUBLIC_URL, TEST_ONLY_FORCE_TURN_RELAY, VIDEO_CODEC } = env();
  return {
    serverUrl: LIVEKIT_PUBLIC_URL,
    token,
    role,
    room: { slug: room.slug, name: room.name },
    attemptId,
    ...(e2ee ? { e2ee } : {}),
    ...(recordingEnabled() && !room.e2ee ? { recordable: true as const } : {}),
    ...(TEST_ONLY_FORCE_TURN_RELAY ? { iceTransportPolicy: "relay" as const } : {}),
    ...(VIDEO_CODEC !== "vp8" ? { videoCodec: VIDEO_CODEC } : {}),
  };
}

function participantAttributes(actor: Actor, standing: Standing): Record<string, string> {
  return { [ATTRIBUTES.kind]: actor.kind, [ATTRIBUTES.standing]: standing, [ATTRIBUTES.issued]: String(Date.now()) };
}

/**
 * Coming in through an invite link: the use is counted and a guest is admitted under the name
 * they typed. Returns where they now stand, for issueJoinCredentials, and the guest (new, or
 * the caller again) whom the browser must remember: before the door is asked, so a guest the
 * room makes wait knocks as themselves.
 */
export async function enterThroughInvite(
  token: string,
  caller: Actor | null,
  guestName: string | undefined,
): Promise<{ context: RoomContext; guest: GuestIdentity | null; inviteId: string }> {
  const { roomId, guest, inviteId } = await redeemInvite(token, caller, guestName);
  const room = await findRoomById(roomId);
  const actor: Actor = caller?.kind === "member" ? caller : { kind: "guest", guest: guest! };
  const standing = await standingIn(actor, room);
  return { context: { actor, room, standing }, guest, inviteId };
}
