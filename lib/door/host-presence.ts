import "server-only";
import { ParticipantInfo_State } from "livekit-server-sdk";
import { liveParticipants } from "../livekit/room-service";
import { logger } from "../logger";

// Whether a host or co-host is in the meeting now, for the knocker's screen ("no host is here
// yet"). LiveKit is the truth; every knocker asks each second, so one answer serves a room for
// a moment.
const REMEMBER_MS = 2_000;
const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, { present: boolean; until: number }>();

const HOSTING = new Set(["host", "cohost"]);

export async function hostPresent(slug: string): Promise<boolean> {
  const known = remembered.get(slug);
  if (known && known.until > Date.now()) return known.present;
  let present = false;
  try {
    // "parley.standing" is what the token route wrote into each join token (lib/meetings/join-credentials.ts).
    present = (await liveParticipants(slug)).some(
      (participant) =>
        participant.state !== ParticipantInfo_State.DISCONNECTED &&
        HOSTING.has(participant.attributes["parley.standing"] ?? ""),
    );
  } catch (error) {
    // The media server is away: nobody can be in the meeting, and the knock itself stands.
    logger.warn("host_presence_unknown", { room: slug, error: error instanceof Error ? error.message : String(error) });
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(slug, { present, until: Date.now() + REMEMBER_MS });
  return present;
}
