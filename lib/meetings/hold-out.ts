import "server-only";
import { presentLiveKitParticipants } from "../livekit/room-service";
import { logger } from "../logger";
import { recentRemovals } from "../moderation/removals";
import { enforceStayRules } from "./stay-rules";

// After a decision puts someone out of a meeting, the LiveKit token they hold stays valid for up
// to 10 minutes (LiveKit renews a connected person's token itself, for that long). A connection
// that becomes active is reported by webhook and checked there; one that stops after signalling
// (enough to see who is in the meeting) is never reported. So for as long as such a token may be
// valid, the room is looked at every second for the people put out, and the rules applied.

// LiveKit's own renewed tokens are valid 10 minutes (livekit-server's tokenDefaultTTL); a margin for clocks.
export const HOLD_MS = 10 * 60_000 + 30_000;
const SWEEP_EVERY_MS = 1000;

/** Room slug -> identity -> until when (ms) to keep them out. */
const holds = new Map<string, Map<string, number>>();
let timer: NodeJS.Timeout | null = null;
let sweeping = false;

/** Keeps these people out of this room's meeting for as long as a token they hold may work. */
export function holdOut(slug: string, identities: Iterable<string>, now = Date.now()): void {
  let people = holds.get(slug);
  for (const identity of identities) {
    if (!people) holds.set(slug, (people = new Map()));
    people.set(identity, Math.max(people.get(identity) ?? 0, now + HOLD_MS));
  }
  if (holds.size > 0 && !timer) {
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    timer.unref();
  }
}

async function sweep(): Promise<void> {
  if (sweeping) return;
  sweeping = true;
  try {
    const now = Date.now();
    for (const [slug, people] of holds) {
      for (const [identity, until] of people) if (until <= now) people.delete(identity);
      if (people.size === 0) {
        holds.delete(slug);
        continue;
      }
      for (const participant of await listedIn(slug)) {
        if (!people.has(participant.identity)) continue;
        const verdict = await enforceStayRules(slug, participant);
        // Let back in, or otherwise welcome again: nothing left to hold.
        if (verdict.kind !== "unwelcome") people.delete(participant.identity);
      }
    }
  } catch (error) {
    logger.warn("hold_out_sweep_failed", { error: error instanceof Error ? error.message : String(error) });
  } finally {
    sweeping = false;
    if (holds.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }
}

async function listedIn(slug: string) {
  try {
    return await presentLiveKitParticipants(slug);
  } catch {
    // LiveKit is away for a moment: the next sweep looks again.
    return [];
  }
}

/** After a restart: the removals whose tokens may still work are held out again. */
export async function resumeHoldingOut(): Promise<void> {
  for (const removal of await recentRemovals(HOLD_MS)) holdOut(removal.room.slug, [removal.identity]);
}
