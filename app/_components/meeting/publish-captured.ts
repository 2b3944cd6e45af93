// LiveKit's side of the handover (./captured-media.ts): the pre-join screen's camera and
// microphone become LiveKit's own tracks, for the waiting room's door and for the meeting.
import {
  createLocalVideoTrack,
  LocalAudioTrack,
  LocalVideoTrack,
  RoomEvent,
  Track,
  TrackEvent,
  type LocalTrack,
  type RemoteTrack,
  type Room,
} from "livekit-client";
import { captureConstraints, type CapturedMedia, type MediaKind } from "./captured-media";

const SOURCES = { video: Track.Source.Camera, audio: Track.Source.Microphone } as const;

// Not marked as provided by us: LiveKit then closes the camera when it is turned off (its light
// goes out) and opens it again with these constraints, on the device it was captured from.
const adoptCamera = (handed: MediaStreamTrack) =>
  new LocalVideoTrack(handed, captureConstraints("video", handed.getSettings().deviceId), false);
const adoptMicrophone = (handed: MediaStreamTrack) =>
  new LocalAudioTrack(handed, captureConstraints("audio", handed.getSettings().deviceId), false);

/** The waiting room's camera: the one handed over, or one opened now. */
export async function takeCamera(captured: CapturedMedia, deviceId: string): Promise<LocalVideoTrack> {
  const handed = captured.take("video");
  return handed ? adoptCamera(handed) : createLocalVideoTrack(deviceId ? { deviceId } : {});
}

async function localTrack(room: Room, captured: CapturedMedia, kind: MediaKind, deviceId: string): Promise<LocalTrack> {
  const handed = captured.take(kind);
  if (handed) return kind === "video" ? adoptCamera(handed) : adoptMicrophone(handed);
  // Not captured yet when Join was clicked, or ended since (a device unplugged): open one the way
  // LiveKit would.
  const options = deviceId ? { deviceId } : true;
  const [track] = await room.localParticipant.createTracks(kind === "video" ? { video: options } : { audio: options });
  if (!track) throw new Error(`no ${kind} track`);
  return track;
}

/** Publishes the handed-over track of a kind, or one opened now, as the camera or microphone; a failure stops it. */
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

/** The longest a joiner's own publishing waits for the others' first picture. */
const FIRST_PICTURE_WAIT_MS = 1000;

/**
 * Calls `then` once the first picture of someone already in the room plays here, or at once when
 * nobody there has a camera on, and after FIRST_PICTURE_WAIT_MS at the latest. Publishing one's
 * own camera and microphone takes the page's main thread for about as long as receiving the first
 * picture does; the joiner wants to see the meeting first (docs/benchmarks.md, section 1).
 * Returns a function that cancels the wait.
 */
export function afterFirstRemotePicture(room: Room, then: () => void): () => void {
  const cameraOn = [...room.remoteParticipants.values()].some((participant) =>
    [...participant.videoTrackPublications.values()].some(
      (publication) => publication.source === Track.Source.Camera && !publication.isMuted,
    ),
  );
  let done = false;
  const finish = () => {
    if (done) return;
    cancel();
    then();
  };
  const onSubscribed = (track: RemoteTrack) => {
    if (track.kind === Track.Kind.Video) track.once(TrackEvent.VideoPlaybackStarted, finish);
  };
  const timer = setTimeout(finish, FIRST_PICTURE_WAIT_MS);
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    room.off(RoomEvent.TrackSubscribed, onSubscribed);
  };
  if (!cameraOn) finish();
  else room.on(RoomEvent.TrackSubscribed, onSubscribed);
  return cancel;
}
