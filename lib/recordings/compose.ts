import "server-only";
import { spawn } from "node:child_process";
import { open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";
import { env } from "../env";
import { errorMessage } from "../error-message";
import { logger } from "../logger";
import { composeArguments, nameFileOf, progressFrom, type RecorderManifest } from "./compose-plan";
import { composedFile, readManifest, recordingFolder } from "./files";
import { DISK_FULL } from "./rules";
import { ivfFrameTimes, pausesIn, type VideoPause } from "./video-pauses";

// Composing: after a recording stops, ffmpeg turns its per-track files into one MP4 (a grid of
// the cameras, the voices mixed). A background job in the app's process, one at a time (it takes
// a core); the per-track files are deleted only once the video is made. When the disk is too full
// to make it, the recording waits (FAILED, composingProblem "the disk is full") and reconciliation
// puts it in line again once there is room (./recordings.ts).

// One line for the whole process: Next.js bundles this module separately for the routes and for
// instrumentation.ts (reconciliation), and two copies each composing the same recording clashed.
// `progress`: how much of the video of the recording being composed is made (0 to 1).
type ComposeLine = { queue: Promise<void>; queued: Set<string>; progress: Map<string, number> };
const holder = globalThis as unknown as { parleyComposeLine?: ComposeLine };
const line = (holder.parleyComposeLine ??= { queue: Promise.resolve(), queued: new Set(), progress: new Map() });

/** How much of this recording's video is made (0 to 1) while it is being composed, else undefined. */
export const composingProgress = (id: string): number | undefined => line.progress.get(id);

/** Puts a stopped recording in line to be composed (once, however often it is asked). */
export function enqueueComposing(id: string): void {
  if (line.queued.has(id)) return;
  line.queued.add(id);
  line.queue = line.queue.then(() => composeRecording(id).finally(() => line.queued.delete(id)));
}

/** Resolves when everything queued so far is composed (for tests and shutdown). */
export const composingSettled = () => line.queue;

/** Runs ffmpeg in `cwd`; `onOutput` gets what it writes on stdout, in whole lines. */
function runFfmpeg(args: string[], cwd: string, onOutput: (lines: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(env().FFMPEG_PATH, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let partLine = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = partLine + chunk.toString();
      const end = text.lastIndexOf("\n") + 1;
      partLine = text.slice(end);
      if (end > 0) onOutput(text.slice(0, end));
    });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (errors.length < 4000) errors += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) return resolve();
      if (/No space left on device/i.test(errors))
        return reject(Object.assign(new Error(DISK_FULL), { code: "ENOSPC" }));
      reject(new Error(`ffmpeg exited with ${code}: ${errors.trim().slice(0, 500)}`));
    });
  });
}

const lastWritten = (folder: string, file: string) =>
  file
    ? stat(path.join(folder, file)).then(
        (info) => info.mtimeMs,
        () => 0,
      )
    : Promise.resolve(0);

async function frameTimesOf(file: string): Promise<number[]> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    return await ivfFrameTimes(async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    }, size);
  } finally {
    await handle.close();
  }
}

/**
 * Where each camera sent nothing (turned off), by track sid, with its person's name written beside
 * the tracks for ffmpeg to show there. A file that cannot be read for this is composed without.
 */
async function cameraPauses(manifest: RecorderManifest, folder: string): Promise<Map<string, VideoPause[]>> {
  const pauses = new Map<string, VideoPause[]>();
  for (const track of manifest.tracks) {
    if (track.kind !== "video" || !track.file || !track.firstArrivalMs) continue;
    try {
      const times = await frameTimesOf(path.join(folder, track.file));
      const found = pausesIn(times, track.endedAtMs ? track.endedAtMs - track.firstArrivalMs : undefined);
      if (found.length === 0) continue;
      await writeFile(path.join(folder, nameFileOf(track)), track.name);
      pauses.set(track.sid, found);
    } catch (error) {
      logger.warn("recording_pauses_unread", { file: track.file, error: errorMessage(error) });
    }
  }
  return pauses;
}

const outOfSpace = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOSPC";

async function composeRecording(id: string): Promise<void> {
  const claimed = await db.recording.updateMany({
    where: {
      id,
      OR: [
        { state: { in: ["STOPPED", "INTERRUPTED", "COMPOSING"] } },
        { state: "FAILED", composingProblem: DISK_FULL },
      ],
    },
    data: { state: "COMPOSING", composingProblem: null },
  });
  if (claimed.count === 0) return;
  const recording = await db.recording.findUniqueOrThrow({ where: { id } });
  const partial = path.join(recordingFolder(id), "recording.part.mp4");
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
    const started = Date.now();
    const pauses = await cameraPauses(manifest, folder);
    line.progress.set(id, 0);
    await runFfmpeg(composeArguments(manifest, folder, partial, durationMs, pauses), folder, (output) => {
      const made = progressFrom(output, durationMs);
      if (made !== null) line.progress.set(id, made);
    });
    await rename(partial, composedFile(id));
    const { size } = await stat(composedFile(id));
    await db.recording.update({
      where: { id },
      data: { state: "READY", durationMs, bytes: size, composedAt: new Date() },
    });
    for (const name of await readdir(folder))
      if (name.endsWith(".ivf") || name.endsWith(".ogg") || name.startsWith("name-"))
        await rm(path.join(folder, name), { force: true });
    logger.info("recording_composed", { id, durationMs, bytes: size, tookMs: Date.now() - started });
  } catch (error) {
    logger.warn("recording_not_composed", { id, error: errorMessage(error) });
    // What ffmpeg made of it so far only takes space another try needs.
    await rm(partial, { force: true }).catch(() => undefined);
    const composingProblem = outOfSpace(error) ? DISK_FULL : errorMessage(error).slice(0, 500);
    await db.recording.update({ where: { id }, data: { state: "FAILED", composingProblem } });
  } finally {
    line.progress.delete(id);
  }
}
