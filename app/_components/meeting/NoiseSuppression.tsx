"use client";
// Noise suppression in the meeting: puts the filter on the published microphone while the person
// wants it (and takes it off when they don't), and says when this browser cannot run it.
import { useIsRecording, useLocalParticipant, useRoomContext } from "@livekit/components-react";
import { RoomEvent, TrackEvent, type LocalAudioTrack } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import {
  canSuppressNoise,
  loadNoiseProcessor,
  noiseProcessorOf,
  setNoiseStatus,
  useNoiseStatus,
  useNoiseSuppressionWanted,
} from "./noise-suppression";

const NOTICE_SHOWN_MS = 10_000;

/** Whether the filter should run now: the microphone is on and someone can hear it. */
type Heard = () => boolean;

async function applyNoiseSuppression(track: LocalAudioTrack, wanted: boolean, heard: Heard): Promise<void> {
  const ours = noiseProcessorOf(track) !== undefined;
  if (!wanted) {
    if (ours) await track.stopProcessor();
    return setNoiseStatus("off");
  }
  if (ours) return setNoiseStatus("on");
  setNoiseStatus("loading");
  try {
    if (!canSuppressNoise()) throw new Error("AudioWorklet or WebAssembly is missing");
    const { default: NoiseSuppressor } = await loadNoiseProcessor();
    await track.setProcessor(new NoiseSuppressor());
    setNoiseStatus("on");
    await followMicrophone(track, heard);
  } catch (error) {
    // LiveKit keeps sending the microphone as captured.
    console.warn("Noise suppression is unavailable:", error);
    setNoiseStatus("unavailable");
  }
}

/**
 * The filter rests while the microphone is muted or nobody can hear it (alone in the room, not
 * recorded), and runs again when both change: like the camera's layers, which LiveKit pauses while
 * nobody receives them, it would otherwise spend a share of a core on sound that goes nowhere
 * (docs/benchmarks.md, section 8).
 */
async function followMicrophone(track: LocalAudioTrack, heard: Heard): Promise<void> {
  const processor = noiseProcessorOf(track);
  if (!processor || (await processor.setRunning(!track.isMuted && heard()))) return;
  // The browser would not start the filter's audio again: better heard unfiltered than not at all.
  console.warn("Noise suppression could not start again; sending the microphone as captured.");
  await track.stopProcessor().catch(() => undefined);
  setNoiseStatus("unavailable");
}

/** Keeps the published microphone filtered or not, as wanted; one at a time, in the order asked. */
export function NoiseSuppressionController() {
  const wanted = useNoiseSuppressionWanted();
  const track = useLocalParticipant().microphoneTrack?.track as LocalAudioTrack | undefined;
  const someoneHears = useSomeoneHears();
  const heard = useRef(someoneHears);
  const queue = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    heard.current = someoneHears; // before the effects below read it
  }, [someoneHears]);
  useEffect(() => {
    if (!track) return setNoiseStatus("off");
    queue.current = queue.current.then(() => applyNoiseSuppression(track, wanted, () => heard.current));
  }, [track, wanted]);
  useEffect(() => {
    if (!track) return;
    const follow = () => void (queue.current = queue.current.then(() => followMicrophone(track, () => heard.current)));
    follow();
    // A new device (Restarted) gives the filter a new, running graph, muted or not.
    const events = [TrackEvent.Muted, TrackEvent.Unmuted, TrackEvent.Restarted] as const;
    events.forEach((event) => track.on(event, follow));
    return () => events.forEach((event) => track.off(event, follow));
  }, [track, someoneHears]);
  return null;
}

/**
 * Whether anyone can hear this microphone: another participant in the room (hosts watching the
 * door are in another room), or the recorder, which is hidden and shows only as the room recorded.
 */
function useSomeoneHears(): boolean {
  const room = useRoomContext();
  const recorded = useIsRecording();
  const [others, setOthers] = useState(room.remoteParticipants.size > 0);
  useEffect(() => {
    const update = () => setOthers(room.remoteParticipants.size > 0);
    update();
    const events = [RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.Connected] as const;
    events.forEach((event) => room.on(event, update));
    return () => events.forEach((event) => room.off(event, update));
  }, [room]);
  return others || recorded;
}

/** Said for a while in the meeting when the filter was wanted and could not run. */
export function NoiseSuppressionNotice() {
  return useNoiseStatus() === "unavailable" ? <UnavailableNotice /> : null;
}

function UnavailableNotice() {
  const t = useTranslations("meeting.noise");
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setShown(false), NOTICE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? (
    <div className="connection-banner" role="status" data-testid="noise-suppression-notice">
      {t("unavailable")}
    </div>
  ) : null;
}
