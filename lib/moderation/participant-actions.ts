import "server-only";
import { TrackSource } from "livekit-server-sdk";
import type { SessionUser } from "../accounts/accounts";
import type { Actor } from "../auth/actor";
import { recordAudit, type AuditAction } from "../admin/audit";
import { AppError } from "../http";
import {
  findLiveKitParticipant,
  muteLiveKitSource,
  removeLiveKitParticipant,
  stopLiveKitScreenShare,
} from "../livekit/room-service";
import { ATTRIBUTES } from "../meetings/attributes";
import { holdOut } from "../meetings/hold-out";
import { actorBehind, publishStanding } from "../meetings/participant-standing";
import type { Standing } from "../policy";
import { setCohostGrant, standingIn } from "../rooms/access";
import type { Room } from "../rooms/rooms";
import { liftRemoval, recordRemoval } from "./removals";
import type { MutableSource, NoticeKind } from "./rules";
import { tell } from "./tell";

// What the people running a meeting (its owner, co-hosts, and admins anywhere) do to one person
// in it. The caller's right to act is checked by the route (lib/policy.ts); these check the
// person acted on, act on LiveKit, tell the person, and write the audit log.

/** Who acts: always an account (guests never hold host powers). */
export type Moderator = SessionUser;

/** The moderator behind a room route's caller; a guest never is one. */
export function moderatorOf(actor: Actor): Moderator {
  if (actor.kind !== "member") throw new AppError("forbidden", "Only the meeting's hosts can do that.");
  return actor.user;
}

const notInMeeting = () => new AppError("participant_not_found", "That person is not in this meeting.");

// The identities Parley gives out (account ids, guest ids); anything else is nobody in a meeting.
const isIdentity = (identity: string) => /^[A-Za-z0-9_-]{1,64}$/.test(identity);

type Target = { identity: string; name: string; actor: Actor | null; standing: Standing };

/** The person acted on: in this room's meeting now, not the moderator, and not a host unless an admin acts. */
async function targetInMeeting(moderator: Moderator, room: Room, identity: string): Promise<Target> {
  if (!isIdentity(identity)) throw notInMeeting();
  const participant = await findLiveKitParticipant(room.slug, identity);
  if (!participant) throw notInMeeting();
  if (identity === moderator.id) throw new AppError("cannot_moderate_self", "Use your own controls for that.");
  const actor = await actorBehind(identity, participant.attributes[ATTRIBUTES.kind]);
  const standing = await standingIn(actor, room);
  if (standing === "host" && moderator.role !== "ADMIN") {
    throw new AppError("target_is_host", "Only an administrator can do that to a host of this meeting.");
  }
  return { identity, name: participant.name || identity, actor, standing };
}

const where = (room: Room) => `in ${room.name} (${room.slug})`;

function audit(moderator: Moderator, action: AuditAction, room: Room, target: { identity: string; name: string }) {
  return recordAudit(moderator.id, action, {
    type: "participant",
    id: target.identity,
    label: target.name,
    detail: where(room),
  });
}

const muting: Record<MutableSource, { action: AuditAction; notice: NoticeKind; off: (name: string) => string }> = {
  microphone: {
    action: "participant.mute_microphone",
    notice: "microphone_muted",
    off: (name) => `${name}'s microphone is already off.`,
  },
  camera: {
    action: "participant.mute_camera",
    notice: "camera_stopped",
    off: (name) => `${name}'s camera is already off.`,
  },
  screen_share: {
    action: "participant.stop_screen_share",
    notice: "screen_share_stopped",
    off: (name) => `${name} is not sharing their screen.`,
  },
};

/** Mutes a microphone, turns off a camera, or ends a screen share. They may turn it on again. */
export async function muteParticipant(
  moderator: Moderator,
  room: Room,
  identity: string,
  source: MutableSource,
): Promise<void> {
  const target = await targetInMeeting(moderator, room, identity);
  const result =
    source === "screen_share"
      ? await stopLiveKitScreenShare(room.slug, identity)
      : await muteLiveKitSource(
          room.slug,
          identity,
          source === "microphone" ? TrackSource.MICROPHONE : TrackSource.CAMERA,
        );
  if (result === "absent") throw notInMeeting();
  if (result === "nothing") throw new AppError("nothing_to_mute", muting[source].off(target.name));
  await tell(room.slug, { kind: muting[source].notice, by: moderator.name }, [identity]);
  await audit(moderator, muting[source].action, room, target);
}

/**
 * Removes the person from the meeting and keeps them out: no token for this room until a host
 * lets them back in, and the token they hold is refused (lib/meetings/stay-rules.ts).
 */
export async function removeParticipant(moderator: Moderator, room: Room, identity: string): Promise<void> {
  const target = await targetInMeeting(moderator, room, identity);
  // Recorded first, so no fresh token is handed out while LiveKit disconnects them.
  await recordRemoval(room.id, identity, target.name, moderator.id);
  await tell(room.slug, { kind: "removed", by: moderator.name }, [identity]);
  await removeLiveKitParticipant(room.slug, identity);
  holdOut(room.slug, [identity]);
  await audit(moderator, "participant.remove", room, target);
}

export async function letBackIn(moderator: Moderator, room: Room, identity: string): Promise<void> {
  const lifted = isIdentity(identity) ? await liftRemoval(room.id, identity) : null;
  if (!lifted) throw new AppError("not_removed", "That person is not on this meeting's removed list.");
  await audit(moderator, "participant.let_back_in", room, { identity, name: lifted.name });
}

/** Makes a member a co-host of the room, or no longer one; everyone sees the new badge at once. */
export async function setCohost(
  moderator: Moderator,
  room: Room,
  identity: string,
  cohost: boolean,
): Promise<{ standing: Standing }> {
  const target = await targetInMeeting(moderator, room, identity);
  if (target.actor?.kind !== "member") {
    throw new AppError("cohost_needs_account", "Guests can't be co-hosts: co-hosts need an account.");
  }
  await setCohostGrant(room.id, identity, cohost);
  const standing = await standingIn(target.actor, room);
  if (!(await publishStanding(room.slug, identity, standing))) throw notInMeeting();
  await tell(room.slug, { kind: cohost ? "made_cohost" : "cohost_removed", by: moderator.name }, [identity]);
  await audit(moderator, cohost ? "participant.make_cohost" : "participant.remove_cohost", room, target);
  return { standing };
}
