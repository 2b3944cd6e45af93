import "server-only";
import { rm } from "node:fs/promises";
import type { SessionUser } from "../accounts/accounts";
import { recordAudit } from "../admin/audit";
import { db } from "../db";
import { errorMessage } from "../error-message";
import { AppError, notFound } from "../http";
import { setLiveKitRoomMetadata } from "../livekit/room-service";
import { mintRecorderToken } from "../livekit/token";
import { logger } from "../logger";
import type { Room } from "../rooms/rooms";
import { composingProgress, enqueueComposing } from "./compose";
import { readManifest, recordingFolder } from "./files";
import { runningOnRecorder, startOnRecorder, stopOnRecorder } from "./recorder-client";
import type { RecorderManifest } from "./compose-plan";
import { DISK_FULL, interruptedMetadata, RECORDER_IDENTITY_PREFIX, type RoomRecordingMetadata } from "./rules";
import { roomToCompose } from "./storage";

// A meeting's recordings: started and stopped by its hosts and co-hosts, made by parley-recorder
// (a hidden participant in the LiveKit room, which is what makes LiveKit tell every browser the
// room is being recorded), composed afterwards (./compose.ts).

const recorderIdentity = (id: string) => `${RECORDER_IDENTITY_PREFIX}${id}`;

async function announce(slug: string, metadata: RoomRecordingMetadata): Promise<void> {
  try {
    await setLiveKitRoomMetadata(slug, metadata);
  } catch (error) {
    logger.warn("recording_metadata_not_set", { room: slug, error: errorMessage(error) });
  }
}

export type StartedRecording = { id: string; startedByName: string; startedAt: Date };

export async function startRecording(host: SessionUser, room: Room): Promise<StartedRecording> {
  // The recorder would write ciphertext; handing it the key would break what encryption promises.
  if (room.e2ee)
    throw new AppError("recording_encrypted", "This meeting is end-to-end encrypted, so the server cannot record it.");
  const meeting = await db.meeting.findFirst({
    where: { roomId: room.id, endedAt: null },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  const recording = await db.$transaction(async (tx) => {
    if (await tx.recording.findFirst({ where: { roomId: room.id, state: "RECORDING" }, select: { id: true } }))
      throw new AppError("already_recording", "This meeting is being recorded already.");
    return tx.recording.create({
      data: { roomId: room.id, meetingId: meeting?.id ?? null, startedById: host.id, startedByName: host.name },
      select: { id: true, startedByName: true, startedAt: true },
    });
  });
  try {
    const token = await mintRecorderToken({ room: room.slug, identity: recorderIdentity(recording.id) });
    await startOnRecorder(recording.id, token);
  } catch (error) {
    await db.recording.delete({ where: { id: recording.id } });
    throw error;
  }
  await announce(room.slug, { recording: { by: host.name, since: recording.startedAt.getTime() } });
  await recordAudit(host.id, "recording.start", { type: "recording", id: recording.id, label: room.name });
  return recording;
}

/**
 * Why a recording the recorder is done with broke off, if it did: what its manifest says (a full
 * disk, a lost connection), else what the caller saw, else a manifest that still says "recording"
 * (the recorder could not write its end, e.g. for want of space).
 */
function interruption(manifest: RecorderManifest | null, seen: string | undefined): string | undefined {
  if (manifest?.state === "failed") return manifest.error ?? "failed";
  if (seen) return seen;
  if (manifest?.state === "recording") return "the recorder stopped without writing how the recording ended";
  return undefined;
}

/** Marks a recording over (as its manifest says it ended) and puts it in line to be composed. */
async function finish(id: string, ended: { by?: string; interrupted?: string }): Promise<void> {
  const manifest = await readManifest(id);
  const interrupted = interruption(manifest, ended.interrupted);
  const updated = await db.recording.updateMany({
    where: { id, state: "RECORDING" },
    data: {
      state: interrupted ? "INTERRUPTED" : "STOPPED",
      stoppedAt: manifest?.stoppedAt ? new Date(manifest.stoppedAt) : new Date(),
      stoppedByName: ended.by ?? null,
      problem: interrupted ?? null,
    },
  });
  if (updated.count === 0) return;
  const { room } = await db.recording.findUniqueOrThrow({
    where: { id },
    select: { room: { select: { slug: true } } },
  });
  await announce(room.slug, interrupted ? interruptedMetadata(interrupted, Date.now()) : {});
  enqueueComposing(id);
}

export async function stopRecording(host: SessionUser, room: Room): Promise<{ id: string }> {
  const recording = await db.recording.findFirst({
    where: { roomId: room.id, state: "RECORDING" },
    select: { id: true },
  });
  if (!recording) throw new AppError("not_recording", "Nothing is being recorded in this meeting.");
  await stopOnRecorder(recording.id);
  await finish(recording.id, { by: host.name });
  await recordAudit(host.id, "recording.stop", { type: "recording", id: recording.id, label: room.name });
  return recording;
}

/**
 * Whether a recording the database says is going on still is, by the recorder's word; if not
 * (the meeting ended, everyone left, the recorder failed or was restarted), it is finished here.
 */
export async function checkRecording(id: string): Promise<void> {
  let running: boolean;
  try {
    running = await runningOnRecorder(id);
  } catch {
    // The recorder is not answering: a recording it was making is lost from here on.
    await finish(id, { interrupted: "the recorder stopped during the recording" });
    return;
  }
  if (!running) await finish(id, {});
}

/** LiveKit says a recorder left its room: see how that recording ended. */
export async function noteRecorderLeft(identity: string): Promise<void> {
  if (!identity.startsWith(RECORDER_IDENTITY_PREFIX)) return;
  const id = identity.slice(RECORDER_IDENTITY_PREFIX.length);
  if (await db.recording.findFirst({ where: { id, state: "RECORDING" }, select: { id: true } }))
    await checkRecording(id);
}

/**
 * Run with live-state reconciliation: recordings that ended unseen, compositions left undone, and
 * those that waited for a full disk, once it has room for them.
 */
export async function reconcileRecordings(): Promise<void> {
  const open = await db.recording.findMany({
    where: {
      OR: [
        { state: { in: ["RECORDING", "STOPPED", "INTERRUPTED", "COMPOSING"] } },
        { state: "FAILED", composingProblem: DISK_FULL },
      ],
    },
    select: { id: true, state: true },
  });
  for (const { id, state } of open) {
    if (state === "RECORDING") await checkRecording(id);
    else if (state !== "FAILED" || (await roomToCompose(recordingFolder(id)).catch(() => false))) enqueueComposing(id);
  }
}

export type RecordingListing = {
  id: string;
  meetingId: string | null;
  state: "RECORDING" | "STOPPED" | "INTERRUPTED" | "COMPOSING" | "READY" | "FAILED";
  startedByName: string;
  startedAt: Date;
  stoppedAt: Date | null;
  durationMs: number | null;
  bytes: number | null;
  /** Why it broke off while being recorded. */
  problem: string | null;
  /** Why it could not be put together ("the disk is full": it will be once there is room). */
  composingProblem: string | null;
  /** While composing: how much of the video is made, 0 to 1 (null before ffmpeg says). */
  progress: number | null;
};

export async function listRecordings(roomId: string): Promise<RecordingListing[]> {
  const recordings = await db.recording.findMany({
    where: { roomId },
    orderBy: { startedAt: "desc" },
    select: {
      id: true,
      meetingId: true,
      state: true,
      startedByName: true,
      startedAt: true,
      stoppedAt: true,
      durationMs: true,
      bytes: true,
      problem: true,
      composingProblem: true,
    },
  });
  return recordings.map((recording) => ({
    ...recording,
    progress: recording.state === "COMPOSING" ? (composingProgress(recording.id) ?? null) : null,
  }));
}

/** A composed recording of this room; a 404 for anything else (another room's, not ready, made up). */
export async function readyRecording(roomId: string, id: string): Promise<{ id: string; startedAt: Date }> {
  const recording = await db.recording.findFirst({
    where: { id, roomId, state: "READY" },
    select: { id: true, startedAt: true },
  });
  if (!recording) throw notFound("That recording");
  return recording;
}

export async function auditWatching(user: SessionUser, room: Room, id: string, download: boolean): Promise<void> {
  await recordAudit(user.id, download ? "recording.download" : "recording.play", {
    type: "recording",
    id,
    label: room.name,
  });
}

/**
 * Deletes a recording of this room: its row first (so no composing picks it up), then its files.
 * Not while it is being recorded or composed (409 recording_busy); anything else is a 404.
 */
export async function deleteRecording(user: SessionUser, room: Room, id: string): Promise<void> {
  const deleted = await db.recording.deleteMany({
    where: { id, roomId: room.id, state: { in: ["STOPPED", "INTERRUPTED", "READY", "FAILED"] } },
  });
  if (deleted.count === 0) {
    if (await db.recording.findFirst({ where: { id, roomId: room.id }, select: { id: true } }))
      throw new AppError(
        "recording_busy",
        "This recording is still being made or put together. Delete it once it is ready.",
      );
    throw notFound("That recording");
  }
  await rm(recordingFolder(id), { recursive: true, force: true });
  await recordAudit(user.id, "recording.delete", { type: "recording", id, label: room.name });
}
