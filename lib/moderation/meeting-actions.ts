import "server-only";
import { TrackSource } from "livekit-server-sdk";
import { recordAudit } from "../admin/audit";
import { db } from "../db";
import { revokeInvite } from "../invites/invites";
import {
  deleteLiveKitRoom,
  liveParticipantIdentities,
  muteLiveKitSource,
  presentLiveKitParticipants,
  removeLiveKitParticipant,
} from "../livekit/room-service";
import { recordRoomClosed } from "../meetings/attendance";
import { holdOut } from "../meetings/hold-out";
import { actorBehind, publishStanding } from "../meetings/participant-standing";
import { standingIn } from "../rooms/access";
import type { Room } from "../rooms/rooms";
import type { Moderator } from "./participant-actions";
import { tell } from "./tell";

// What the people running a meeting do to all of it, or to everyone who came through one link.

const where = (room: Room) => `in ${room.name} (${room.slug})`;

/** Mutes every microphone in the meeting but the moderator's own; how many were muted. */
export async function muteEveryone(moderator: Moderator, room: Room): Promise<{ muted: number }> {
  const participants = await presentLiveKitParticipants(room.slug);
  const speaking = participants.filter(
    (p) =>
      p.identity !== moderator.id && p.tracks.some((track) => track.source === TrackSource.MICROPHONE && !track.muted),
  );
  let muted = 0;
  for (const participant of speaking) {
    if ((await muteLiveKitSource(room.slug, participant.identity, TrackSource.MICROPHONE)) === "muted") muted += 1;
  }
  await tell(
    room.slug,
    { kind: "everyone_muted", by: moderator.name },
    speaking.map((p) => p.identity),
  );
  await recordAudit(moderator.id, "room.mute_everyone", {
    type: "room",
    id: room.slug,
    label: room.name,
    detail: `${muted} microphone${muted === 1 ? "" : "s"}`,
  });
  return { muted };
}

/**
 * Ends the meeting for everyone: LiveKit closes the room, and tokens issued before now let
 * nobody back into it. The room itself stays open: joining again starts a new meeting.
 */
export async function endMeetingForEveryone(moderator: Moderator, room: Room): Promise<void> {
  const present = await liveParticipantIdentities(room.slug);
  const now = new Date();
  await db.room.update({ where: { id: room.id }, data: { endedForAllAt: now, endedForAllBy: moderator.name } });
  await tell(room.slug, { kind: "meeting_ended", by: moderator.name });
  await deleteLiveKitRoom(room.slug);
  await recordRoomClosed(room.slug, now);
  holdOut(room.slug, present);
  await recordAudit(moderator.id, "room.end_for_everyone", {
    type: "room",
    id: room.slug,
    label: room.name,
    detail: `${present.length} in the meeting`,
  });
}

/**
 * Revokes an invite link. With `revokeAccess`, everyone who came in through it also loses the
 * access it gave and leaves the meeting now (they come back only if the room admits them some
 * other way). Without, they keep it, but a co-host link's powers end with the link.
 */
export async function revokeLink(
  moderator: Moderator,
  room: Room,
  inviteId: string,
  revokeAccess: boolean,
): Promise<{ disconnected: number }> {
  const { label, role, admitted } = await revokeInvite(room.id, inviteId, { revokeAccess, by: moderator.name });
  // The link is revoked whatever LiveKit says; someone it cannot reach now is held out below.
  const present = new Set(await liveParticipantIdentities(room.slug).catch(() => [] as string[]));
  const inMeeting = admitted.filter((person) => present.has(person.identity));
  const identities = (people: { identity: string }[]) => people.map((person) => person.identity);
  if (revokeAccess) {
    await tell(room.slug, { kind: "access_revoked", by: moderator.name }, identities(inMeeting));
    for (const { identity } of inMeeting) await removeLiveKitParticipant(room.slug, identity);
    holdOut(room.slug, identities(admitted));
  } else if (role === "cohost") {
    // Co-hosts through this link are co-hosts no longer: their badge and rights change now.
    for (const person of inMeeting) {
      const standing = await standingIn(await actorBehind(person.identity, person.kind), room);
      if (standing === "cohost" || standing === "host") continue;
      await publishStanding(room.slug, person.identity, standing);
      await tell(room.slug, { kind: "cohost_removed", by: moderator.name }, [person.identity]);
    }
  }
  await recordAudit(moderator.id, revokeAccess ? "invite.revoke_with_access" : "invite.revoke", {
    type: "invite",
    id: inviteId,
    label,
    detail: `${where(room)}${revokeAccess ? `; ${inMeeting.length} disconnected` : ""}`,
  });
  return { disconnected: revokeAccess ? inMeeting.length : 0 };
}
