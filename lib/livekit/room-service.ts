import "server-only";
import {
  DataPacket_Kind,
  ParticipantInfo_State,
  RoomServiceClient,
  TrackSource,
  type ParticipantInfo,
  type ParticipantPermission,
  type Room,
} from "livekit-server-sdk";
import { env } from "../env";
import { errorMessage } from "../error-message";
import { AppError } from "../http";
import { logger } from "../logger";

// A LiveKit room closes this long after its last participant leaves (or if nobody joins).
const EMPTY_TIMEOUT_SECONDS = 5 * 60;
const DEPARTURE_TIMEOUT_SECONDS = 20;

let client: RoomServiceClient | undefined;

function roomService(): RoomServiceClient {
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  client ??= new RoomServiceClient(LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
  return client;
}

const livekitUnavailable = () =>
  new AppError("livekit_unavailable", "The meeting service can't be reached right now. Try again in a moment.");

// Rooms this process opened (or found open) on the media server in the last few seconds, so that
// a burst of joins makes one CreateRoom call, not one each. A room can close within that time
// (its last participant left 20 s earlier, or LiveKit restarted): forgetOpenRoom() is called when
// the app closes a room and when LiveKit's room_finished webhook arrives, and the short expiry
// bounds the rest. A browser that still gets a token for a closed room fails to connect and
// offers "Try again", which works once the entry has expired.
const OPEN_ROOM_MEMORY_MS = 5_000;
const MAX_REMEMBERED_ROOMS = 10_000;
const openRooms = new Map<string, { maxParticipants: number; sid: string; until: number }>();

function rememberOpen(name: string, maxParticipants: number, sid: string): void {
  if (openRooms.size >= MAX_REMEMBERED_ROOMS) {
    const now = Date.now();
    for (const [room, entry] of openRooms) if (entry.until <= now) openRooms.delete(room);
    if (openRooms.size >= MAX_REMEMBERED_ROOMS) openRooms.clear();
  }
  openRooms.set(name, { maxParticipants, sid, until: Date.now() + OPEN_ROOM_MEMORY_MS });
}

/** Makes the next ensureLiveKitRoom() for this room ask LiveKit again. */
export function forgetOpenRoom(name: string): void {
  openRooms.delete(name);
}

/**
 * Opens the room on the media server. The server runs with room.auto_create off, so this
 * is the only way a room comes to exist there; createRoom returns the existing room if open.
 * Returns the room instance's sid (a new one each time the room is opened afresh).
 */
export async function ensureLiveKitRoom(name: string, maxParticipants: number | null = null): Promise<string> {
  const limit = maxParticipants ?? 0;
  const known = openRooms.get(name);
  if (known && known.maxParticipants === limit && known.until > Date.now()) return known.sid;
  let sid: string;
  try {
    ({ sid } = await roomService().createRoom({
      name,
      emptyTimeout: EMPTY_TIMEOUT_SECONDS,
      departureTimeout: DEPARTURE_TIMEOUT_SECONDS,
      maxParticipants: limit,
    }));
  } catch (error) {
    throw unavailable("livekit_create_room_failed", name, error);
  }
  rememberOpen(name, limit, sid);
  return sid;
}

/**
 * parley-recorder (lib/recordings/) is a hidden participant marked as recorder: not a person, so
 * not counted against the cap, not in attendance, not someone a host acts on.
 */
export const isRecorder = (participant: Pick<ParticipantInfo, "permission">) =>
  participant.permission?.recorder === true;

/** Who is in the room on the media server now, as their tokens named them (empty when the room is not open there). */
export async function liveParticipants(name: string): Promise<ParticipantInfo[]> {
  try {
    return (await roomService().listParticipants(name)).filter((participant) => !isRecorder(participant));
  } catch (error) {
    if (isNotFound(error)) return [];
    throw unavailable("livekit_list_participants_failed", name, error);
  }
}

/** Identities in the room on the media server now (empty when the room is not open there). */
export async function liveParticipantIdentities(name: string): Promise<string[]> {
  return (await liveParticipants(name)).map((participant) => participant.identity);
}

/** Every room open on the media server. Errors propagate: reconciliation retries on its next pass. */
export function listLiveKitRooms(): Promise<Room[]> {
  return roomService().listRooms();
}

/** The room as the media server has it open now; null when it is not open there. */
export async function findLiveKitRoom(name: string): Promise<Room | null> {
  try {
    return (await roomService().listRooms([name]))[0] ?? null;
  } catch (error) {
    throw unavailable("livekit_list_rooms_failed", name, error);
  }
}

/** Who is connected to a room on the media server now (not those already disconnecting). */
export async function listLiveKitParticipants(name: string): Promise<ParticipantInfo[]> {
  return (await roomService().listParticipants(name)).filter(
    (p) => p.state !== ParticipantInfo_State.DISCONNECTED && !isRecorder(p),
  );
}

/** Like listLiveKitParticipants, for one room the app cares about now: none when it is not open there, 503 when LiveKit is away. */
export async function presentLiveKitParticipants(name: string): Promise<ParticipantInfo[]> {
  try {
    return await listLiveKitParticipants(name);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw unavailable("livekit_list_participants_failed", name, error);
  }
}

const isNotFound = (error: unknown) => error instanceof Error && /not found|does not exist/i.test(error.message);

function unavailable(event: string, room: string, error: unknown): AppError {
  logger.warn(event, { room, error: errorMessage(error) });
  return livekitUnavailable();
}

/** Closes the room on the media server, disconnecting everyone in it. A room not open there is fine. */
export async function deleteLiveKitRoom(name: string): Promise<void> {
  forgetOpenRoom(name);
  try {
    await roomService().deleteRoom(name);
  } catch (error) {
    if (!isNotFound(error)) throw unavailable("livekit_delete_room_failed", name, error);
  }
}

/** Disconnects one person; false when they are not in the room. */
export async function removeLiveKitParticipant(room: string, identity: string): Promise<boolean> {
  try {
    await roomService().removeParticipant(room, identity);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw unavailable("livekit_remove_participant_failed", room, error);
  }
}

/** Mutes what a person publishes from one source; "absent" when they are not there, "nothing" when they publish none. */
export async function muteLiveKitSource(
  room: string,
  identity: string,
  source: TrackSource,
): Promise<"muted" | "absent" | "nothing"> {
  try {
    const participant = await roomService().getParticipant(room, identity);
    const tracks = participant.tracks.filter((track) => track.source === source && !track.muted);
    for (const track of tracks) await roomService().mutePublishedTrack(room, identity, track.sid, true);
    return tracks.length ? "muted" : "nothing";
  } catch (error) {
    if (isNotFound(error)) return "absent";
    throw unavailable("livekit_mute_failed", room, error);
  }
}

/** The person as the media server sees them now; null when they are not in the room. */
export async function findLiveKitParticipant(room: string, identity: string): Promise<ParticipantInfo | null> {
  try {
    const participant = await roomService().getParticipant(room, identity);
    return participant.state === ParticipantInfo_State.DISCONNECTED ? null : participant;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw unavailable("livekit_get_participant_failed", room, error);
  }
}

export type ParticipantChange = { attributes?: Record<string, string>; permission?: Partial<ParticipantPermission> };

/**
 * Changes what everyone in the meeting sees of a person (attributes) and what they may do
 * (permission, replaced as a whole); false when they are not in the room.
 */
export async function updateLiveKitParticipant(
  room: string,
  identity: string,
  change: ParticipantChange,
): Promise<boolean> {
  try {
    await roomService().updateParticipant(room, identity, change);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw unavailable("livekit_update_participant_failed", room, error);
  }
}

/**
 * Sends a message from the server to some people in the room (everyone when `identities` is
 * absent). LiveKit marks a participant's own messages with their identity and these with none,
 * which is how a browser tells Parley's notices from a participant's. A room not open is fine.
 */
export async function sendLiveKitData(
  room: string,
  data: Uint8Array,
  { topic, identities }: { topic: string; identities?: string[] },
): Promise<void> {
  try {
    await roomService().sendData(room, data, DataPacket_Kind.RELIABLE, {
      topic,
      destinationIdentities: identities ?? [],
    });
  } catch (error) {
    if (!isNotFound(error)) throw unavailable("livekit_send_data_failed", room, error);
  }
}

const SCREEN_SOURCES = [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO];

/**
 * Ends a person's screen share. A muted screen share would still be captured in their browser,
 * so the right to share is taken away for a moment: LiveKit then unpublishes the tracks and the
 * browser stops capturing. The right is given back at once, so they may share again later.
 */
export async function stopLiveKitScreenShare(
  room: string,
  identity: string,
): Promise<"stopped" | "absent" | "nothing"> {
  const participant = await findLiveKitParticipant(room, identity);
  if (!participant) return "absent";
  if (!participant.tracks.some((track) => SCREEN_SOURCES.includes(track.source))) return "nothing";
  const permission = participant.permission;
  if (!permission) return "nothing";
  const allowed = {
    ...permissionFields(permission),
    canPublishSources: permission.canPublishSources.filter((source) => !SCREEN_SOURCES.includes(source)),
  };
  if (!(await updateLiveKitParticipant(room, identity, { permission: allowed }))) return "absent";
  await updateLiveKitParticipant(room, identity, { permission: permissionFields(permission) });
  return "stopped";
}

function permissionFields(permission: ParticipantPermission): Partial<ParticipantPermission> {
  const {
    canSubscribe,
    canPublish,
    canPublishData,
    canPublishSources,
    hidden,
    recorder,
    canUpdateMetadata,
    agent,
    canSubscribeMetrics,
  } = permission;
  return {
    canSubscribe,
    canPublish,
    canPublishData,
    canPublishSources: [...canPublishSources],
    hidden,
    recorder,
    canUpdateMetadata,
    agent,
    canSubscribeMetrics,
  };
}

/**
 * The room's metadata, which every browser in the meeting reads (useRoomInfo): Parley keeps in it
 * who started the recording going on, if any (lib/recordings/). false when the room is not open.
 */
export async function setLiveKitRoomMetadata(room: string, metadata: Record<string, unknown>): Promise<boolean> {
  try {
    await roomService().updateRoomMetadata(room, JSON.stringify(metadata));
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw unavailable("livekit_update_room_metadata_failed", room, error);
  }
}
