// Shared by the server and the meeting's browser code: how Parley speaks of recordings in a room's
// LiveKit metadata (which every browser in the meeting reads), and the recorder's identities.

export const RECORDER_IDENTITY_PREFIX = "recorder-";

/** The room's metadata while recording (who started it, when), or after a recording broke off (when, and whether for a full disk). */
export type RoomRecordingMetadata = {
  recording?: { by: string; since: number };
  recordingInterrupted?: number;
  recordingInterruptedReason?: "disk_full";
};

/** What parley-recorder says when it could not write for want of space (recorder/media.go); composing says the same. */
export const DISK_FULL = "the disk is full";

export const isDiskFull = (problem: string | null | undefined) => problem === DISK_FULL;

/** The metadata for a recording that broke off at `at` (ms) with `problem`. */
export function interruptedMetadata(problem: string, at: number): RoomRecordingMetadata {
  return {
    recordingInterrupted: at,
    ...(isDiskFull(problem) ? { recordingInterruptedReason: "disk_full" as const } : {}),
  };
}

export function readRoomRecordingMetadata(metadata: string | undefined): RoomRecordingMetadata {
  if (!metadata) return {};
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (typeof parsed !== "object" || parsed === null) return {};
    const { recording, recordingInterrupted, recordingInterruptedReason } = parsed as Record<string, unknown>;
    const result: RoomRecordingMetadata = {};
    if (
      typeof recording === "object" &&
      recording !== null &&
      typeof (recording as { by?: unknown }).by === "string" &&
      typeof (recording as { since?: unknown }).since === "number"
    )
      result.recording = recording as { by: string; since: number };
    if (typeof recordingInterrupted === "number") {
      result.recordingInterrupted = recordingInterrupted;
      if (recordingInterruptedReason === "disk_full") result.recordingInterruptedReason = "disk_full";
    }
    return result;
  } catch {
    return {};
  }
}
