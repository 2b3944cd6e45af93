"use client";
// Noise suppression of this person's microphone (RNNoise, in the browser): whether they want it
// (kept in this browser, on unless turned off) and where it stands in the meeting. The filter
// itself is ./noise-processor.ts, loaded only when switched on.
import { useSyncExternalStore } from "react";
import type { LocalAudioTrack } from "livekit-client";

/** Where the filter stands on the published microphone. */
export type NoiseStatus = "off" | "loading" | "on" | "unavailable";

const KEY = "parley.noise-suppression";
const listeners = new Set<() => void>();
let status: NoiseStatus = "off";

export function noiseSuppressionWanted(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== "off";
  } catch {
    return true;
  }
}

export function setNoiseSuppressionWanted(wanted: boolean): void {
  try {
    window.localStorage.setItem(KEY, wanted ? "on" : "off");
  } catch {
    // Storage refused (private mode): the choice lasts as long as the page.
  }
  listeners.forEach((listener) => listener());
}

export function setNoiseStatus(next: NoiseStatus): void {
  if (status === next) return;
  status = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

export function useNoiseSuppressionWanted(): boolean {
  return useSyncExternalStore(subscribe, noiseSuppressionWanted, () => true);
}

export function useNoiseStatus(): NoiseStatus {
  return useSyncExternalStore(
    subscribe,
    () => status,
    () => "off",
  );
}

export const NOISE_PROCESSOR_NAME = "parley-rnnoise";

/** Whether this browser has what the filter needs (AudioWorklet, WebAssembly), before loading it. */
export function canSuppressNoise(): boolean {
  return typeof AudioWorkletNode !== "undefined" && typeof WebAssembly === "object";
}

export const loadNoiseProcessor = () => import("./noise-processor");

/** The filter on this track, when it is ours (./noise-processor.ts, seen without loading it). */
export function noiseProcessorOf(track: LocalAudioTrack) {
  const processor = track.getProcessor() as
    { name: string; sourceTrack?: MediaStreamTrack; setRunning(running: boolean): Promise<boolean> } | undefined;
  return processor?.name === NOISE_PROCESSOR_NAME ? processor : undefined;
}

/**
 * The microphone as captured, before any filter: LiveKit's `mediaStreamTrack` is the filtered one,
 * which falls silent when the microphone is muted (muting disables the captured track).
 */
export function capturedMicrophone(track: LocalAudioTrack): MediaStreamTrack {
  return noiseProcessorOf(track)?.sourceTrack ?? track.mediaStreamTrack;
}
