"use client";
// "You're muted": while this person's microphone is muted, a copy of its track (the copy is not sent
// anywhere) is listened to in the browser; when they go on speaking for a moment, a notice says so.
import { useLocalParticipant } from "@livekit/components-react";
import { Track, type LocalAudioTrack } from "livekit-client";
import { useTranslations } from "next-intl";
import { capturedMicrophone } from "./noise-suppression";
import { useEffect, useState } from "react";

// Loud enough to be speech rather than room noise (RMS of samples in -1..1), for this long.
const SPEECH_LEVEL = 0.04;
const SPEECH_FOR_MS = 400;
const SHOWN_FOR_MS = 5000;

export function MutedWhileSpeaking() {
  const t = useTranslations("meeting.notices");
  const { localParticipant, isMicrophoneEnabled } = useLocalParticipant();
  const publication = localParticipant.getTrackPublication(Track.Source.Microphone);
  const track = publication?.track;
  const source = track?.kind === Track.Kind.Audio ? capturedMicrophone(track as LocalAudioTrack) : undefined;
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (isMicrophoneEnabled || !source || source.readyState !== "live") return;
    const copy = source.clone();
    copy.enabled = true;
    let context: AudioContext;
    try {
      context = new AudioContext();
    } catch {
      copy.stop();
      return;
    }
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(new MediaStream([copy])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loudSince: number | null = null;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const rms = Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length);
      const now = performance.now();
      if (rms < SPEECH_LEVEL) {
        loudSince = null;
        return;
      }
      loudSince ??= now;
      if (now - loudSince >= SPEECH_FOR_MS) {
        setShown(true);
        clearTimeout(hideTimer);
        hideTimer = setTimeout(() => setShown(false), SHOWN_FOR_MS);
      }
    }, 100);
    return () => {
      clearInterval(timer);
      clearTimeout(hideTimer);
      setShown(false);
      copy.stop();
      void context.close();
    };
  }, [isMicrophoneEnabled, source]);

  if (!shown || isMicrophoneEnabled) return null;
  return (
    <div className="moderation-notice" role="status" data-testid="muted-notice">
      {t("mutedWhileSpeaking")}
    </div>
  );
}
