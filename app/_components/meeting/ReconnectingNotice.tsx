"use client";
import { useRemoteParticipants } from "@livekit/components-react";
import { ConnectionQuality, RemoteVideoTrack, RoomEvent, Track, type RemoteParticipant } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

// Someone whose network drops is not gone: LiveKit keeps them in the room while their client
// tries to get back. The others should see that they are reconnecting rather than a frozen
// picture. Two signs, whichever comes first: the media server rates their connection as lost
// (it does so a few seconds late), or their camera, which should be sending, has delivered no
// new frame here for a while.
const CHECK_EVERY_MS = 1000;
const STALLED_AFTER_MS = 2500;

/** Camera tracks that should be moving: subscribed, not muted, not paused by the media server. */
function liveCameras(people: RemoteParticipant[]): { identity: string; track: RemoteVideoTrack }[] {
  return people.flatMap((person) => {
    const camera = person.getTrackPublication(Track.Source.Camera);
    const track = camera?.track;
    if (!camera?.isSubscribed || camera.isMuted || !(track instanceof RemoteVideoTrack)) return [];
    return track.streamState === Track.StreamState.Active ? [{ identity: person.identity, track }] : [];
  });
}

/** Identities whose camera has shown no new frame for STALLED_AFTER_MS. */
function useStalledCameras(people: RemoteParticipant[]): Set<string> {
  const [stalled, setStalled] = useState<Set<string>>(() => new Set());
  // Kept across re-renders: the list of people changes whenever anyone's connection quality does,
  // which happens as a network drops. Restarting the timer then would put off the next check.
  const lastProgress = useRef(new Map<RemoteVideoTrack, { frames: number; at: number }>());
  const latestPeople = useRef(people);
  useEffect(() => {
    latestPeople.current = people;
  }, [people]);
  useEffect(() => {
    let active = true;
    const check = async () => {
      const now = Date.now();
      const cameras = liveCameras(latestPeople.current);
      const found = new Set<string>();
      const progress = lastProgress.current;
      for (const track of progress.keys())
        if (!cameras.some((camera) => camera.track === track)) progress.delete(track);
      for (const { identity, track } of cameras) {
        const frames = (await track.getReceiverStats().catch(() => undefined))?.framesDecoded;
        if (frames === undefined) continue;
        const last = progress.get(track);
        if (!last || frames !== last.frames) progress.set(track, { frames, at: now });
        else if (now - last.at >= STALLED_AFTER_MS) found.add(identity);
      }
      if (!active) return;
      setStalled((current) =>
        current.size === found.size && [...found].every((id) => current.has(id)) ? current : found,
      );
    };
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, []);
  return stalled;
}

export function ReconnectingNotice() {
  const t = useTranslations("meeting.notices");
  const people = useRemoteParticipants({
    updateOnlyOn: [
      RoomEvent.ConnectionQualityChanged,
      RoomEvent.TrackSubscribed,
      RoomEvent.TrackUnsubscribed,
      RoomEvent.TrackMuted,
      RoomEvent.TrackUnmuted,
      RoomEvent.TrackStreamStateChanged,
    ],
  });
  const stalled = useStalledCameras(people);
  const reconnecting = people.filter(
    (person) => person.connectionQuality === ConnectionQuality.Lost || stalled.has(person.identity),
  );
  if (reconnecting.length === 0) return null;
  const names = reconnecting.map((person) => person.name || person.identity).join(", ");
  return (
    <div className="connection-banner" role="status" data-testid="participants-reconnecting">
      {t("reconnecting", { names, count: reconnecting.length })}
    </div>
  );
}
