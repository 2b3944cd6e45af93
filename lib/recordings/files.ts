import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import type { RecorderManifest } from "./compose-plan";

// Where a recording's files are: RECORDINGS_DIR/<recording id>/, the folder parley-recorder
// writes the tracks and manifest.json into, and where the composed video is put.

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function recordingFolder(id: string): string {
  if (!ID.test(id)) throw new Error(`not a recording id: ${id}`);
  return path.resolve(env().RECORDINGS_DIR, id);
}

export const composedFile = (id: string) => path.join(recordingFolder(id), "recording.mp4");

/** The recorder's manifest, or null when it wrote none (it never joined). */
export async function readManifest(id: string): Promise<RecorderManifest | null> {
  try {
    return JSON.parse(await readFile(path.join(recordingFolder(id), "manifest.json"), "utf8")) as RecorderManifest;
  } catch {
    return null;
  }
}
