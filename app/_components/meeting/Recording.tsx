"use client";
// Recording in the meeting. Everyone sees that it is being recorded, and by whom: LiveKit marks the
// room as recorded while parley-recorder is in it (Room.isRecording), and Parley names who started
// it in the room's metadata (lib/recordings/rules.ts). Whoever is there when it starts, or joins
// while it goes on, is told once; hosts and co-hosts start and stop it, and hear when it broke off.
import { useIsRecording, useRoomInfo } from "@livekit/components-react";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { StartRecordingResponse, StopRecordingResponse } from "@/app/api/rooms/[slug]/recording/route";
import { readRoomRecordingMetadata } from "@/lib/recordings/rules";
import { callApi } from "../api";
import { runsTheMeeting, useOwnStanding } from "./own-standing";

function useRecordingState() {
  const recording = useIsRecording();
  const { metadata } = useRoomInfo();
  const known = readRoomRecordingMetadata(metadata);
  return {
    recording,
    by: known.recording?.by,
    since: known.recording?.since ?? 0,
    interruptedAt: known.recordingInterrupted,
    diskFull: known.recordingInterruptedReason === "disk_full",
  };
}

/** The indicator (while recording) and the notice when it starts or one joins during it. */
export function RecordingNotices() {
  const t = useTranslations("meeting.recording");
  const state = useRecordingState();
  const runs = runsTheMeeting(useOwnStanding());
  // The notice is dismissed for one recording (they are told again of the next).
  const [dismissedSince, setDismissedSince] = useState<number | null>(null);
  const [interruptionSeen, setInterruptionSeen] = useState<number | null>(null);
  const by = state.by;

  return (
    <>
      {state.recording ? (
        <div className="recording-indicator" role="status" data-testid="recording-indicator">
          <span className="recording-dot" aria-hidden="true" /> {by ? t("indicatorBy", { name: by }) : t("indicator")}
        </div>
      ) : null}
      {state.recording && state.since !== dismissedSince ? (
        <div className="moderation-notice" role="alert" data-testid="recording-notice">
          <span>{by ? t("noticeBy", { name: by }) : t("notice")}</span>
          <button type="button" className="secondary" onClick={() => setDismissedSince(state.since)}>
            {t("understood")}
          </button>
        </div>
      ) : null}
      {runs && !state.recording && state.interruptedAt && state.interruptedAt !== interruptionSeen ? (
        <div className="moderation-notice" role="alert" data-testid="recording-interrupted">
          <span>{state.diskFull ? t("interruptedDiskFull") : t("interrupted")}</span>
          <button type="button" className="secondary" onClick={() => setInterruptionSeen(state.interruptedAt ?? null)}>
            {t("understood")}
          </button>
        </div>
      ) : null}
    </>
  );
}

/** Start or stop recording: for hosts and co-hosts (the server decides). */
export function RecordButton({ slug, onError }: { slug: string; onError: (message: string | null) => void }) {
  const t = useTranslations("meeting.recording");
  const { recording } = useRecordingState();
  const runs = runsTheMeeting(useOwnStanding());
  const [busy, setBusy] = useState(false);

  const toggle = useCallback(async () => {
    setBusy(true);
    const path = `/api/rooms/${encodeURIComponent(slug)}/recording`;
    const result = recording
      ? await callApi<StopRecordingResponse>(path, { method: "DELETE" })
      : await callApi<StartRecordingResponse>(path, { method: "POST" });
    setBusy(false);
    onError(result.ok ? null : result.message);
  }, [slug, recording, onError]);

  if (!runs) return null;
  return (
    <button
      type="button"
      className={recording ? "meeting-action on" : "meeting-action"}
      aria-pressed={recording}
      title={recording ? t("stopTitle") : t("startTitle")}
      disabled={busy}
      data-testid="record-button"
      onClick={() => void toggle()}
    >
      <span aria-hidden="true">⏺</span> {recording ? t("stop") : t("start")}
    </button>
  );
}
