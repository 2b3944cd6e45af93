// Shared by the server and the meeting's browser code: how Parley speaks of recordings in a room's
// LiveKit metadata (which every browser in the meeting reads), and the recorder's identities.

export const RECORDER_IDENTITY_PREFIX = "recorder-";

/** The room's metadata while recording (who started it, when), or after a recording broke off. */
export type RoomRecordingMetadata = {
  recording?: { by: string; since: number };
  recordingInterrupted?: number;
};

export function readRoomRecordingMetadata(metadata: string | undefined): RoomRecordingMetadata {
  if (!metadata) return {};
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (typeof parsed !== "object" || parsed === null) return {};
    const { recording, recordingInterrupted } = parsed as Record<string, unknown>;
    const result: RoomRecordingMetadata = {};
    if (
      typeof recording === "object" &&
      recording !== null &&
      typeof (recording as { by?: unknown }).by === "string" &&
      typeof (recording as { since?: unknown }).since === "number"
    )
      result.recording = recording as { by: string; since: number };
    if (typeof recordingInterrupted === "number") result.recordingInterrupted = recordingInterrupted;
    return result;
  } catch {
    return {};
  }
}
