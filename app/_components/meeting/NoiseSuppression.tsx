"use client";
// Noise suppression in the meeting: puts the filter on the published microphone while the person
// wants it (and takes it off when they don't), and says when this browser cannot run it.
import { useLocalParticipant } from "@livekit/components-react";
import { TrackEvent, type LocalAudioTrack } from "livekit-client";
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

async function applyNoiseSuppression(track: LocalAudioTrack, wanted: boolean): Promise<void> {
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
    await followMicrophone(track);
  } catch (error) {
    // LiveKit keeps sending the microphone as captured.
    console.warn("Noise suppression is unavailable:", error);
    setNoiseStatus("unavailable");
  }
}

/** The filter rests while the microphone is muted, and runs again when it is on. */
async function followMicrophone(track: LocalAudioTrack): Promise<void> {
  const processor = noiseProcessorOf(track);
  if (!processor || (await processor.setRunning(!track.isMuted))) return;
  // The browser would not start the filter's audio again: better heard unfiltered than not at all.
  console.warn("Noise suppression could not start again after unmuting; sending the microphone as captured.");
  await track.stopProcessor().catch(() => undefined);
  setNoiseStatus("unavailable");
}

/** Keeps the published microphone filtered or not, as wanted; one at a time, in the order asked. */
export function NoiseSuppressionController() {
  const wanted = useNoiseSuppressionWanted();
  const track = useLocalParticipant().microphoneTrack?.track as LocalAudioTrack | undefined;
  const queue = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    if (!track) return setNoiseStatus("off");
    queue.current = queue.current.then(() => applyNoiseSuppression(track, wanted));
  }, [track, wanted]);
  useEffect(() => {
    if (!track) return;
    const follow = () => void (queue.current = queue.current.then(() => followMicrophone(track)));
    // A new device (Restarted) gives the filter a new, running graph, muted or not.
    const events = [TrackEvent.Muted, TrackEvent.Unmuted, TrackEvent.Restarted] as const;
    events.forEach((event) => track.on(event, follow));
    return () => events.forEach((event) => track.off(event, follow));
  }, [track]);
  return null;
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
