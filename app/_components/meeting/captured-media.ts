// The camera and microphone the pre-join screen opened are handed to the meeting when Join is
// pressed, and sent as they are: closing them and opening them again would blink the camera's
// light, keep the others waiting for the restart, and make some browsers ask for permission again.

export type MediaKind = "audio" | "video";

// What the browser is asked for, on the pre-join screen and in the meeting alike: LiveKit's own
// capture defaults (720p at 30 frames, the browser's echo cancellation, noise suppression and
// gain control), so a handed-over track is the track LiveKit would have opened.
const CAMERA_CAPTURE: MediaTrackConstraints = { width: 1280, height: 720, frameRate: 30, aspectRatio: 16 / 9 };
const MICROPHONE_CAPTURE: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/** A chosen device is preferred, not demanded: a camera unplugged since gives way to another. */
export function captureConstraints(kind: MediaKind, deviceId: string | undefined): MediaTrackConstraints {
  const base = kind === "video" ? CAMERA_CAPTURE : MICROPHONE_CAPTURE;
  return deviceId ? { ...base, deviceId: { ideal: deviceId } } : base;
}

/**
 * Tracks on their way from the pre-join screen to the meeting, perhaps by way of the waiting room.
 * Whoever holds a track stops it: the pre-join screen until Join is pressed, then this, until the
 * waiting room or the meeting takes it (the waiting room hands its camera back when let in).
 */
export class CapturedMedia {
  private readonly tracks = new Set<MediaStreamTrack>();

  /** Join was pressed (or the door opened): what was captured is handed over, and not stopped. */
  hold(tracks: readonly MediaStreamTrack[]): void {
    for (const track of tracks) this.tracks.add(track);
  }

  holds(track: MediaStreamTrack): boolean {
    return this.tracks.has(track);
  }

  /** The meeting takes the track of a kind, once; from then on it stops it. */
  take(kind: MediaKind): MediaStreamTrack | undefined {
    const track = this.live(kind);
    if (track) this.tracks.delete(track);
    return track;
  }

  /** Joining did not happen: the pre-join screen keeps its tracks and stops them itself. */
  giveBack(): void {
    this.tracks.clear();
  }

  /** Nobody took them (or not this kind): the devices are closed. */
  release(kind?: MediaKind): void {
    for (const track of this.tracks) {
      if (kind && track.kind !== kind) continue;
      track.stop();
      this.tracks.delete(track);
    }
  }

  private live(kind: MediaKind): MediaStreamTrack | undefined {
    for (const track of this.tracks) if (track.kind === kind && track.readyState === "live") return track;
    return undefined;
  }
}
