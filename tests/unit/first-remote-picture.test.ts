// When a joiner publishes the camera and microphone handed over by the pre-join screen: once the
// first picture of someone already there plays, at once when nobody there has a camera on, and
// after a second at the latest. (The room and tracks are stand-ins: what is tested is the waiting.)
import { EventEmitter } from "node:events";
import { RoomEvent, Track, TrackEvent, type Room } from "livekit-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterFirstRemotePicture } from "@/app/_components/meeting/publish-captured";

type Camera = { source: Track.Source; isMuted: boolean };

function roomWith(cameras: Camera[]) {
  const room = new EventEmitter();
  const participant = { videoTrackPublications: new Map(cameras.map((camera, i) => [`TR_${i}`, camera])) };
  Object.assign(room, { remoteParticipants: new Map(cameras.length ? [["PA_1", participant]] : []) });
  return room as EventEmitter & Room;
}

const track = (kind: Track.Kind) => Object.assign(new EventEmitter(), { kind });

describe("publishing after the first remote picture", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("publishes at once when nobody in the room has a camera on", () => {
    for (const cameras of [[], [{ source: Track.Source.Camera, isMuted: true }]]) {
      const publish = vi.fn();
      afterFirstRemotePicture(roomWith(cameras), publish);
      expect(publish).toHaveBeenCalledTimes(1);
    }
  });

  it("waits for a camera's picture to play, not for audio or the subscription alone", () => {
    const room = roomWith([{ source: Track.Source.Camera, isMuted: false }]);
    const publish = vi.fn();
    afterFirstRemotePicture(room, publish);
    const audio = track(Track.Kind.Audio);
    const video = track(Track.Kind.Video);
    room.emit(RoomEvent.TrackSubscribed, audio);
    room.emit(RoomEvent.TrackSubscribed, video);
    audio.emit(TrackEvent.AudioPlaybackStarted);
    vi.advanceTimersByTime(500);
    expect(publish).not.toHaveBeenCalled();

    video.emit(TrackEvent.VideoPlaybackStarted);
    expect(publish).toHaveBeenCalledTimes(1);
    // Only once, and nothing left listening.
    room.emit(RoomEvent.TrackSubscribed, track(Track.Kind.Video));
    vi.advanceTimersByTime(2000);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(room.listenerCount(RoomEvent.TrackSubscribed)).toBe(0);
  });

  it("publishes after a second when no picture plays", () => {
    const publish = vi.fn();
    afterFirstRemotePicture(roomWith([{ source: Track.Source.Camera, isMuted: false }]), publish);
    vi.advanceTimersByTime(999);
    expect(publish).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it("publishes nothing once cancelled (the meeting left meanwhile)", () => {
    const room = roomWith([{ source: Track.Source.Camera, isMuted: false }]);
    const publish = vi.fn();
    const cancel = afterFirstRemotePicture(room, publish);
    const video = track(Track.Kind.Video);
    room.emit(RoomEvent.TrackSubscribed, video);
    cancel();
    video.emit(TrackEvent.VideoPlaybackStarted);
    vi.advanceTimersByTime(2000);
    expect(publish).not.toHaveBeenCalled();
  });
});
