import "server-only";
import type { ParticipantInfo } from "livekit-server-sdk";
import { actorIdentity } from "../auth/actor";
import { AppError } from "../http";
import { findLiveKitParticipant, findLiveKitRoom } from "../livekit/room-service";
import { attendeeKind, ensureOpenMeeting } from "../meetings/attendance";
import type { RoomContext } from "../rooms/guard";
import type { Room } from "../rooms/rooms";

// Hands, reactions and chat are for the people in the meeting now: the rules (lib/policy.ts) say
// who may take part at all, and LiveKit says who is actually in the room. Someone knocking at the
// door is in a door room of their own (lib/door/), not in the meeting's room, so is refused here.

export type InMeeting = RoomContext & { identity: string; participant: ParticipantInfo };

const notInMeeting = () => new AppError("not_in_meeting", "Join the meeting first: this is only for the people in it.");

/** The caller as the media server sees them in the room's meeting now; 403 not_in_meeting otherwise. */
export async function requireInMeeting(context: RoomContext): Promise<InMeeting> {
  const identity = actorIdentity(context.actor);
  const participant = await findLiveKitParticipant(context.room.slug, identity);
  if (!participant) throw notInMeeting();
  return { ...context, identity, participant };
}

/** The name people see for the caller in the meeting. */
export function shownName(meeting: InMeeting): string {
  return meeting.participant.name || meeting.identity;
}

export function kindOf(meeting: InMeeting) {
  return attendeeKind(meeting.participant.attributes);
}

/**
 * The id of the meeting going on in the room now. Usually LiveKit's webhook opened it already;
 * when it has not arrived yet (or never will, as for a connection that only signals), it is opened
 * here from LiveKit's own record of the room, as reconciliation would.
 */
export async function currentMeetingId(room: Room, now = new Date()): Promise<string> {
  const live = await findLiveKitRoom(room.slug);
  if (!live) throw new AppError("not_in_meeting", "No meeting is going on in this room now.");
  const startedMs = Number(live.creationTimeMs) || Number(live.creationTime) * 1000;
  return ensureOpenMeeting(room.id, live.sid, startedMs > 0 ? new Date(startedMs) : now);
}
