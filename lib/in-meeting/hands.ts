import "server-only";
import { AppError } from "../http";
import { findLiveKitParticipant, updateLiveKitParticipant } from "../livekit/room-service";
import { ATTRIBUTES } from "../meetings/attributes";
import type { RoomContext } from "../rooms/guard";
import { tell } from "../moderation/tell";
import { moderatorOf } from "../moderation/participant-actions";
import { requireInMeeting, type InMeeting } from "./presence";

// A raised hand is a participant attribute (ATTRIBUTES.hand: when it went up), set only by the
// server, so everyone in the meeting, latecomers included, reads the same queue from LiveKit.
// LiveKit removes an attribute set to the empty string.

/** Raises or lowers the caller's own hand; when raised, the time it went up (kept if it was already up). */
export async function setOwnHand(context: RoomContext, raised: boolean, now = Date.now()): Promise<number | null> {
  const meeting: InMeeting = await requireInMeeting(context);
  const current = Number(meeting.participant.attributes[ATTRIBUTES.hand]) || null;
  if (raised && current) return current;
  if (!raised && !current) return null;
  const value = raised ? String(now) : "";
  if (
    !(await updateLiveKitParticipant(meeting.room.slug, meeting.identity, { attributes: { [ATTRIBUTES.hand]: value } }))
  )
    throw new AppError("not_in_meeting", "Join the meeting first: this is only for the people in it.");
  return raised ? now : null;
}

// The identities Parley gives out (account ids, guest ids); anything else is nobody in a meeting.
const isIdentity = (identity: string) => /^[A-Za-z0-9_-]{1,64}$/.test(identity);

/**
 * A host or co-host (or an admin, from anywhere) lowers someone's hand, and tells them. A hand
 * already down is fine.
 */
export async function lowerHandOf(context: RoomContext, identity: string): Promise<void> {
  const moderator = moderatorOf(context.actor);
  const notThere = () => new AppError("participant_not_found", "That person is not in this meeting.");
  if (!isIdentity(identity)) throw notThere();
  const participant = await findLiveKitParticipant(context.room.slug, identity);
  if (!participant) throw notThere();
  if (!participant.attributes[ATTRIBUTES.hand]) return;
  if (!(await updateLiveKitParticipant(context.room.slug, identity, { attributes: { [ATTRIBUTES.hand]: "" } })))
    throw notThere();
  if (identity !== moderator.id)
    await tell(context.room.slug, { kind: "hand_lowered", by: moderator.name }, [identity]);
}
