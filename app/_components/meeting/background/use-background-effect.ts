"use client";
// Runs the background effect on a camera track while a background is chosen: the effect's code
// and assets are fetched the first time one is.
import { useEffect, useRef, useState } from "react";
import type { LocalVideoTrack } from "livekit-client";
import type { BackgroundEffect, BackgroundProcessor, EffectSetting } from "./background-effect";
import { backgroundImageUrl, backgroundKey, type BackgroundChoice } from "./background-choice";
import { backgroundEffectSupported } from "./support";

export type EffectStatus = "off" | "starting" | "on" | "unsupported" | "failed";

const loadEffect = () => import("./background-effect");

export function effectSetting(choice: BackgroundChoice): EffectSetting | null {
  if (choice.kind === "blur") return { kind: "blur" };
  if (choice.kind === "image") return { kind: "image", url: backgroundImageUrl(choice.image) };
  return null;
}

/** Which of the catalogue's messages (meeting.background) a status calls for, if any. */
export function statusMessage(status: EffectStatus): "starting" | "unsupported" | "failed" | null {
  return status === "starting" || status === "unsupported" || status === "failed" ? status : null;
}

/** The setting wanted now, for work that started earlier and finishes later. */
function useLatest<T>(value: T) {
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  return latest;
}

/** For a preview outside a meeting (the pre-join screen): the track to show, and how it went. */
export function useBackgroundPreview(
  input: MediaStreamTrack | undefined,
  choice: BackgroundChoice,
): { track: MediaStreamTrack | undefined; status: EffectStatus } {
  const setting = effectSetting(choice);
  const on = setting !== null && input !== undefined;
  const supported = on && backgroundEffectSupported();
  const latest = useLatest(setting);
  const [running, setRunning] = useState<{ input: MediaStreamTrack; effect: BackgroundEffect | null } | null>(null);

  useEffect(() => {
    if (!input || !on || !supported) return;
    let cancelled = false;
    let started: BackgroundEffect | null = null;
    loadEffect()
      .then((effect) => effect.BackgroundEffect.start(input, latest.current ?? { kind: "blur" }))
      .then(
        (effect) => {
          if (cancelled) return effect.stop();
          started = effect;
          setRunning({ input, effect });
        },
        () => !cancelled && setRunning({ input, effect: null }),
      );
    return () => {
      cancelled = true;
      started?.stop();
      setRunning(null);
    };
  }, [input, on, supported, latest]);

  const key = choice.kind === "none" ? null : backgroundKey(choice);
  const effect = running && running.input === input ? running.effect : undefined;
  useEffect(() => {
    if (effect && latest.current) void effect.update(latest.current).catch(() => undefined);
  }, [effect, key, latest]);

  if (!on) return { track: input, status: "off" };
  if (!supported) return { track: input, status: "unsupported" };
  if (effect === undefined) return { track: input, status: "starting" };
  if (effect === null) return { track: input, status: "failed" };
  return { track: effect.output, status: "on" };
}

// One change at a time per track, so that quick changes of mind cannot race each other.
const queues = new WeakMap<LocalVideoTrack, Promise<unknown>>();

/** In a meeting: puts the effect on the published camera track (LiveKit sends what it makes). */
export function useCameraBackground(track: LocalVideoTrack | undefined, choice: BackgroundChoice): EffectStatus {
  const setting = effectSetting(choice);
  const key = setting ? backgroundKey(choice) : null;
  const latest = useLatest(setting);
  const [outcome, setOutcome] = useState<{ track: LocalVideoTrack; key: string | null; ok: boolean } | null>(null);
  const supported = key === null || backgroundEffectSupported();

  useEffect(() => {
    if (!track || !supported) return;
    let current = true;
    const apply = async () => {
      const wanted = latest.current;
      const existing = track.getProcessor();
      const ours = existing?.name === "parley-background" ? (existing as BackgroundProcessor) : null;
      if (!wanted) {
        if (existing) await track.stopProcessor();
        return;
      }
      if (ours) return ours.update(wanted);
      const { BackgroundProcessor } = await loadEffect();
      await track.setProcessor(new BackgroundProcessor(wanted));
    };
    const queued = (queues.get(track) ?? Promise.resolve()).then(apply);
    queues.set(
      track,
      queued.catch(() => undefined),
    );
    queued.then(
      () => current && setOutcome({ track, key, ok: true }),
      async () => {
        // A processor that failed to start is dropped, so the plain camera is sent.
        await track.stopProcessor().catch(() => undefined);
        if (current) setOutcome({ track, key, ok: false });
      },
    );
    return () => {
      current = false;
    };
  }, [track, key, supported, latest]);

  if (key === null || !track) return "off";
  if (!supported) return "unsupported";
  if (!outcome || outcome.track !== track || outcome.key !== key) return "starting";
  return outcome.ok ? "on" : "failed";
}
