// Which background someone wants behind their camera picture, remembered in this browser and
// shared between the pre-join screen and the meeting's menu.
import { useSyncExternalStore } from "react";

export const BACKGROUND_IMAGES = ["dawn", "sea", "study"] as const;
export type BackgroundImage = (typeof BACKGROUND_IMAGES)[number];
export type BackgroundChoice = { kind: "none" } | { kind: "blur" } | { kind: "image"; image: BackgroundImage };

export const NO_BACKGROUND: BackgroundChoice = { kind: "none" };
export const backgroundImageUrl = (image: BackgroundImage) => `/backgrounds/${image}.svg`;

const KEY = "parley.background";
const listeners = new Set<() => void>();

/** "none", "blur" or "image:<name>": one string, so it compares and stores as it is. */
export type BackgroundKey = "none" | "blur" | `image:${BackgroundImage}`;

export function backgroundKey(choice: BackgroundChoice): BackgroundKey {
  return choice.kind === "image" ? `image:${choice.image}` : choice.kind;
}

export function parseBackgroundKey(key: string | null): BackgroundChoice {
  if (key === "blur") return { kind: "blur" };
  const image = key?.startsWith("image:") ? key.slice("image:".length) : null;
  if (image && (BACKGROUND_IMAGES as readonly string[]).includes(image))
    return { kind: "image", image: image as BackgroundImage };
  return NO_BACKGROUND;
}

function read(): BackgroundKey {
  try {
    return backgroundKey(parseBackgroundKey(window.localStorage.getItem(KEY)));
  } catch {
    return "none";
  }
}

export function saveBackground(choice: BackgroundChoice): void {
  try {
    window.localStorage.setItem(KEY, backgroundKey(choice));
  } catch {
    // private mode or storage full: the choice lasts until the page closes
    memory = backgroundKey(choice);
  }
  listeners.forEach((listener) => listener());
}

let memory: BackgroundKey | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** The remembered choice, kept current across components (and other tabs). */
export function useBackgroundChoice(): BackgroundChoice {
  const key = useSyncExternalStore(
    subscribe,
    () => memory ?? read(),
    () => "none" as const,
  );
  return parseBackgroundKey(key);
}
