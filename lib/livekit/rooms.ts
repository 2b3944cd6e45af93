import "server-only";
import { RoomServiceClient } from "livekit-server-sdk";
import { env } from "../env";
import { AppError } from "../http";
import { logger } from "../logger";

// A LiveKit room closes this long after its last participant leaves (or if nobody joins).
const EMPTY_TIMEOUT_SECONDS = 5 * 60;
const DEPARTURE_TIMEOUT_SECONDS = 20;

let client: RoomServiceClient | undefined;

export function roomService(): RoomServiceClient {
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  client ??= new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
  return client;
}

export const livekitUnavailable = () =>
  new AppError(503, "livekit_unavailable", "The meeting service can't be reached right now. Try again in a moment.");

/**
 * Opens the room on the media server. The server runs with room.auto_create off, so this
 * is the only way a room comes to exist there; createRoom returns the existing room if open.
 */
export async function ensureLiveKitRoom(name: string, maxParticipants: number | null = null): Promise<void> {
  try {
    await roomService().createRoom({
      name,
      emptyTimeout: EMPTY_TIMEOUT_SECONDS,
      departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
      maxParticipants: maxParticipants ?? 0,
    });
  } catch (error) {
    logger.warn("livekit_create_room_failed", { room: name, error: error instanceof Error ? error.message : String(error) });
    throw livekitUnavailable();
  }
}

/** Identities in the room on the media server now (empty when the room is not open there). */
export async function liveParticipantIdentities(name: string): Promise<string[]> {
  try {
    return (await roomService().listParticipants(name)).map((participant) => participant.identity);
  } catch (error) {
    if (error instanceof Error && /not found|does not exist/i.test(error.message)) return [];
    logger.warn("livekit_list_participants_failed", { room: name, error: error instanceof Error ? error.message : String(error) });
    throw livekitUnavailable();
  }
}
