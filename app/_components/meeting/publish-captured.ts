// Sends the camera and microphone handed over from the pre-join screen (./captured-media.ts).
import { LocalAudioTrack, LocalVideoTrack, Track, type LocalTrack, type Room } from "livekit-client";
import { captureConstraints, type CapturedMedia, type MediaKind } from "./captured-media";

const SOURCES = { video: Track.Source.Camera, audio: Track.Source.Microphone } as const;

async function localTrack(room: Room, captured: CapturedMedia, kind: MediaKind, deviceId: string): Promise<LocalTrack> {
  const handed = captured.take(kind);
  if (!handed) {
    // It ended since the page was drawn (a device unplugged): open one the way LiveKit would.
    const options = deviceId ? { deviceId } : true;
    const [track] = await room.localParticipant.createTracks(
      kind === "video" ? { video: options } : { audio: options },
    );
    if (!track) throw new Error(`no ${kind} track`);
    return track;
  }
  // Not marked as provided by us: LiveKit then closes the camera when it is turned off (its light
  // goes out) and opens it again with these constraints, on the device it was captured from.
  const constraints = captureConstraints(kind, handed.getSettings().deviceId);
  return kind === "video"
    ? new LocalVideoTrack(handed, constraints, false)
    : new LocalAudioTrack(handed, constraints, false);
}

/** Publishes the handed-over track of a kind as the camera or microphone; a failure stops it. */
export async function publishCaptured(
  room: Room,
  captured: CapturedMedia,
  kind: MediaKind,
  deviceId: string,
): Promise<void> {
  const track = await localTrack(room, captured, kind, deviceId);
  track.source = SOURCES[kind];
  try {
    await room.localParticipant.publishTrack(track, { source: SOURCES[kind] });
  } catch (error) {
    track.stop();
    throw error;
  }
}
