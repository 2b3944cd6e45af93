"use client";
// Parley's own controls beside the control bar (the chat button is on it): raise a hand, react, and
// whether Parley's sounds play. What goes wrong is said here, in the server's words.
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { RaiseHandButton } from "./RaiseHand";
import { ReactionPicker } from "./Reactions";
import { RecordButton } from "./Recording";
import { setSoundsMuted, useSoundsMuted } from "./sound-setting";

const ERROR_SHOWN_MS = 8000;

/**
 * `children`: marks shown first, such as that the meeting is encrypted. `recordable`: the server
 * can record this meeting (lib/meetings/join-credentials.ts), so hosts get the Record button.
 */
export function MeetingToolbar({
  slug,
  recordable,
  children,
}: {
  slug: string;
  recordable: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations("meeting.toolbar");
  const [error, setError] = useState<string | null>(null);
  const muted = useSoundsMuted();
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), ERROR_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [error]);
  return (
    <div className="meeting-toolbar" role="toolbar" aria-label={t("label")} data-testid="meeting-toolbar">
      {children}
      <RaiseHandButton slug={slug} onError={setError} />
      <ReactionPicker slug={slug} onError={setError} />
      {recordable ? <RecordButton slug={slug} onError={setError} /> : null}
      <button
        type="button"
        className="meeting-action"
        aria-pressed={!muted}
        title={muted ? t("soundsOffTitle") : t("soundsOnTitle")}
        onClick={() => setSoundsMuted(!muted)}
      >
        {muted ? t("soundsOff") : t("soundsOn")}
      </button>
      {error ? (
        <p className="toolbar-error error" role="alert" data-testid="toolbar-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
