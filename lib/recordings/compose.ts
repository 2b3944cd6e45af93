import "server-only";
import { spawn } from "node:child_process";
import { readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import { env } from "../env";
import { errorMessage } from "../error-message";
import { logger } from "../logger";
import { composeArguments } from "./compose-plan";
import { composedFile, readManifest, recordingFolder } from "./files";

// Composing: after a recording stops, ffmpeg turns its per-track files into one MP4 (a grid of
// the cameras, the voices mixed). A background job in the app's process, one at a time (it takes
// a core); the per-track files are deleted only once the video is made.

// One line for the whole process: Next.js bundles this module separately for the routes and for
// instrumentation.ts (reconciliation), and two copies each composing the same recording clashed.
type ComposeLine = { queue: Promise<void>; queued: Set<string> };
const holder = globalThis as unknown as { parleyComposeLine?: ComposeLine };
const line = (holder.parleyComposeLine ??= { queue: Promise.resolve(), queued: new Set() });

/** Puts a stopped recording in line to be composed (once, however often it is asked). */
export function enqueueComposing(id: string): void {
  if (line.queued.has(id)) return;
  line.queued.add(id);
  line.queue = line.queue.then(() => composeRecording(id).finally(() => line.queued.delete(id)));
}

/** Resolves when everything queued so far is composed (for tests and shutdown). */
export const composingSettled = () => line.queue;

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(env().FFMPEG_PATH, args, { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (errors.length < 4000) errors += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${errors.trim().slice(0, 500)}`)),
    );
  });
}

const lastWritten = (folder: string, file: string) =>
  file
    ? stat(path.join(folder, file)).then(
        (info) => info.mtimeMs,
        () => 0,
      )
    : Promise.resolve(0);

async function composeRecording(id: string): Promise<void> {
  const claimed = await db.recording.updateMany({
    where: { id, state: { in: ["STOPPED", "INTERRUPTED", "COMPOSING"] } },
    data: { state: "COMPOSING" },
  });
  if (claimed.count === 0) return;
  const recording = await db.recording.findUniqueOrThrow({ where: { id } });
  try {
    const manifest = await readManifest(id);
    if (!manifest) throw new Error("the recorder wrote no manifest (it never joined the meeting)");
    const folder = recordingFolder(id);
    // A recorder that died wrote no end: the files' last writes say when it stopped.
    const lastTrackEnd = Math.max(0, ...manifest.tracks.map((track) => track.endedAtMs ?? 0));
    const lastWrite = Math.max(
      0,
      ...(await Promise.all(manifest.tracks.map((track) => lastWritten(folder, track.file)))),
    );
    const stoppedAt =
      manifest.stoppedAt ?? (lastTrackEnd || lastWrite || recording.stoppedAt?.getTime() || manifest.startedAt + 1000);
    const durationMs = Math.max(1000, stoppedAt - manifest.startedAt);
    const partial = path.join(folder, "recording.part.mp4");
    const started = Date.now();
    await runFfmpeg(composeArguments(manifest, folder, partial, durationMs));
    await rename(partial, composedFile(id));
    const { size } = await stat(composedFile(id));
    await db.recording.update({
      where: { id },
      data: { state: "READY", durationMs, bytes: size, composedAt: new Date() },
    });
    for (const name of await readdir(folder))
      if (name.endsWith(".ivf") || name.endsWith(".ogg")) await rm(path.join(folder, name), { force: true });
    logger.info("recording_composed", { id, durationMs, bytes: size, tookMs: Date.now() - started });
  } catch (error) {
    logger.warn("recording_not_composed", { id, error: errorMessage(error) });
    await db.recording.update({ where: { id }, data: { state: "FAILED", problem: errorMessage(error).slice(0, 500) } });
  }
}
