"use client";
// Whether this person wants Parley's sounds (the chime for a knock or a first raised hand): kept in
// this browser, changed from the meeting's toolbar.
import { useSyncExternalStore } from "react";

const KEY = "parley.sounds";
const listeners = new Set<() => void>();

export function soundsMuted(): boolean {
  try {
    return window.localStorage.getItem(KEY) === "off";
  } catch {
    return false;
  }
}

export function setSoundsMuted(muted: boolean): void {
  try {
    window.localStorage.setItem(KEY, muted ? "off" : "on");
  } catch {
    // Storage refused (private mode): the choice lasts as long as the page.
  }
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

export function useSoundsMuted(): boolean {
  return useSyncExternalStore(subscribe, soundsMuted, () => false);
}
