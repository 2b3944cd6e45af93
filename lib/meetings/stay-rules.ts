import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { doorFor } from "../door/admission";
import { AppError } from "../http";
import { logger } from "../logger";
import { removeLiveKitParticipant } from "../livekit/room-service";
import { findRemoval } from "../moderation/removals";
import { isAllowed, type Standing } from "../policy";
import { standingIn } from "../rooms/access";
import { roomFields, type Room } from "../rooms/rooms";
import { isSlug } from "../rooms/slug";
import { ATTRIBUTES } from "./attributes";
import { actorBehind, publishStanding } from "./participant-standing";

// Who may be in a meeting, checked against whoever LiveKit says is there. A token is valid until
// it expires (LiveKit renews a connected person's token itself), so a decision taken after it was
// issued (removed, account disabled, guest pass expired, meeting ended, access revoked, room
// locked) is enforced here: on every participant_joined webhook, and for a while after each
// decision (lib/meetings/hold-out.ts).

type Stay = {
  room: Room & { endedForAllAt: Date | null };
  identity: string;
  actor: Actor | null;
  standing: Standing;
  issuedAt: number;
};

/** Each rule names why this person may not stay, or says nothing. */
type StayRule = (stay: Stay) => Promise<string | null> | string | null;

const RULES: StayRule[] = [
  ({ room }) => (room.endedAt ? "room_closed" : null),
  ({ room, issuedAt }) => (room.endedForAllAt && issuedAt < room.endedForAllAt.getTime() ? "meeting_ended" : null),
  ({ actor }) => (actor ? null : "account_disabled_or_pass_expired"),
  async ({ room, identity }) => ((await findRemoval(room.id, identity)) ? "removed" : null),
  ({ room, actor }) => (actor?.kind === "guest" && !room.allowGuests ? "guests_not_allowed" : null),
  ({ room, standing }) => (isAllowed("joinMeeting", standing, room) ? null : "no_access"),
  // The door (lib/door/): a locked room, or someone it makes wait whom no host admitted.
  async ({ room, identity, actor, standing }) => {
    if (!actor) return null;
    try {
      return (await doorFor({ identity, kind: actor.kind, standing, room })) === "wait" ? "waiting_room" : null;
    } catch (error) {
      if (error instanceof AppError && error.code === "room_locked") return "room_locked";
      throw error;
    }
  },
];

export type Verdict =
  { kind: "not_ours" } | { kind: "welcome"; standing: Standing } | { kind: "unwelcome"; reason: string };

type Participant = { identity: string; attributes: Record<string, string> };

/** Whether this participant may stay in the meeting of room `slug`, by the room's rules now. */
export async function judgeParticipant(slug: string, participant: Participant): Promise<Verdict> {
  // Rooms Parley did not name, and people whose token Parley did not mint, are not ours to judge.
  if (!isSlug(slug) || participant.attributes[ATTRIBUTES.kind] === undefined) return { kind: "not_ours" };
  const room = await db.room.findUnique({ where: { slug }, select: { ...roomFields, endedForAllAt: true } });
  if (!room) return { kind: "not_ours" };
  const actor = await actorBehind(participant.identity, participant.attributes[ATTRIBUTES.kind]);
  const stay: Stay = {
    room,
    identity: participant.identity,
    actor,
    standing: await standingIn(actor, room),
    issuedAt: Number(participant.attributes[ATTRIBUTES.issued] ?? 0) || 0,
  };
  for (const rule of RULES) {
    const reason = await rule(stay);
    if (reason) return { kind: "unwelcome", reason };
  }
  return { kind: "welcome", standing: stay.standing };
}

/**
 * Disconnects a participant the room's rules no longer let in; shows one whose standing changed
 * since their token was issued (e.g. no longer a co-host) with the standing they have now.
 */
export async function enforceStayRules(slug: string, participant: Participant): Promise<Verdict> {
  const verdict = await judgeParticipant(slug, participant);
  if (verdict.kind === "unwelcome") {
    logger.info("participant_turned_away", { room: slug, identity: participant.identity, reason: verdict.reason });
    await removeLiveKitParticipant(slug, participant.identity);
  } else if (verdict.kind === "welcome" && participant.attributes[ATTRIBUTES.standing] !== verdict.standing) {
    await publishStanding(slug, participant.identity, verdict.standing);
  }
  return verdict;
}
