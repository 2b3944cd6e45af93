import "server-only";
import { recordingEnabled } from "../recordings/recorder-client";
import { reconcileRecordings } from "../recordings/recordings";
import { deleteExpiredRecordingsHourly } from "../recordings/retention";
import { errorMessage } from "../error-message";
import { logger } from "../logger";
import { listLiveKitParticipants, listLiveKitRooms } from "../livekit/room-service";
import { isSlug } from "../rooms/slug";
import {
  openMeetingsBySlug,
  recordRoomClosed,
  syncRoom,
  type OpenMeeting,
  type PresentParticipant,
} from "./attendance";
import { presentParticipant } from "./present-participant";

// Webhooks get lost (the app was down or restarting when LiveKit sent them). Reconciliation
// asks LiveKit who is where right now and repairs the records: on a timer, and after the admin
// room list is read when the last pass is old.

const RECONCILE_EVERY_MS = 15_000;

/** One pass: every room LiveKit has open, and every room we think is live. */
export async function reconcileLiveState(now = new Date()): Promise<void> {
  const open = (await listLiveKitRooms()).filter((room) => isSlug(room.name));
  const recorded = await openMeetingsBySlug();
  for (const room of open) {
    const present = (await listLiveKitParticipants(room.name)).map((p) => presentParticipant(p, now));
    if (!agrees(recorded.get(room.name), room.sid, present)) await syncRoom(room.name, room.sid, present, now);
  }
  const openOnLiveKit = new Set(open.map((room) => room.name));
  for (const slug of recorded.keys()) {
    if (!openOnLiveKit.has(slug)) await recordRoomClosed(slug, now);
  }
}

// Usually the records already agree (webhooks arrive): then the pass writes nothing, and with
// hundreds of live rooms it stays short instead of a transaction per room.
function agrees(recorded: OpenMeeting | undefined, livekitRoomSid: string, present: PresentParticipant[]): boolean {
  if (!recorded) return present.length === 0;
  return (
    recorded.livekitRoomSid === livekitRoomSid &&
    recorded.presentSids.size === present.length &&
    present.every((participant) => recorded.presentSids.has(participant.sid)) &&
    recorded.peakParticipants >= present.length
  );
}

let running: Promise<void> | null = null;
let lastFinishedAt = 0;

/** Reconciles unless a pass finished within `maxAgeMs`; concurrent callers share one pass. */
export function reconcileIfStale(maxAgeMs: number): Promise<void> {
  if (running) return running;
  if (Date.now() - lastFinishedAt < maxAgeMs) return Promise.resolve();
  running = reconcileLiveState()
    .catch((error: unknown) => logger.warn("reconcile_failed", { error: errorMessage(error) }))
    .then(async () => {
      if (!recordingEnabled()) return;
      await reconcileRecordings();
      await deleteExpiredRecordingsHourly();
    })
    .catch((error: unknown) => logger.warn("reconcile_recordings_failed", { error: errorMessage(error) }))
    .finally(() => {
      lastFinishedAt = Date.now();
      running = null;
    });
  return running;
}

let timer: NodeJS.Timeout | undefined;

export function startReconciling(): void {
  if (timer) return;
  void reconcileIfStale(0);
  timer = setInterval(() => void reconcileIfStale(RECONCILE_EVERY_MS / 2), RECONCILE_EVERY_MS);
  timer.unref();
}
