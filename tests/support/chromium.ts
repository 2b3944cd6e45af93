// The Chromium our tests drive: one already on the machine (never a downloaded build), with a
// synthetic camera and microphone so every page can publish real media.
import { existsSync } from "node:fs";
import { which } from "../../scripts/lib/processes";
import { harnessSettings } from "./config";

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export function findChromium(): string | null {
  const explicit = harnessSettings().CHROME_PATH;
  if (explicit) return existsSync(explicit) ? explicit : null;
  for (const name of CANDIDATES) {
    const found = which(name);
    if (found) return found;
  }
  return null;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
];

export function chromiumLaunchOptions() {
  return { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS };
}
