import "server-only";
import { sendLiveKitData } from "../livekit/room-service";
import { enforceRateLimit } from "../rate-limit";
import type { RoomContext } from "../rooms/guard";
import { requireInMeeting } from "./presence";
import { REACTION_TOPIC, type Reaction, type ReactionEvent } from "./rules";

/** Sends the caller's reaction to everyone in the meeting (themselves included), within the rate limit. */
export async function react(context: RoomContext, emoji: Reaction, now = Date.now()): Promise<ReactionEvent> {
  const meeting = await requireInMeeting(context);
  enforceRateLimit("reactionsPerCaller", `${meeting.room.slug}:${meeting.identity}`);
  const event: ReactionEvent = { identity: meeting.identity, emoji, at: now };
  await sendLiveKitData(meeting.room.slug, new TextEncoder().encode(JSON.stringify(event)), { topic: REACTION_TOPIC });
  return event;
}
