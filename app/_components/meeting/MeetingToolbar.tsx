"use client";
// Parley's own controls beside the control bar (the chat button is on it): raise a hand, react, and
// whether Parley's sounds play. What goes wrong is said here, in the server's words.
import { useEffect, useState } from "react";
import { RaiseHandButton } from "./RaiseHand";
import { ReactionPicker } from "./Reactions";
import { setSoundsMuted, useSoundsMuted } from "./sound-setting";

const ERROR_SHOWN_MS = 8000;

export function MeetingToolbar({ slug }: { slug: string }) {
  const [error, setError] = useState<string | null>(null);
  const muted = useSoundsMuted();
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), ERROR_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [error]);
  return (
    <div className="meeting-toolbar" role="toolbar" aria-label="Meeting actions" data-testid="meeting-toolbar">
      <RaiseHandButton slug={slug} onError={setError} />
      <ReactionPicker slug={slug} onError={setError} />
      <button
        type="button"
        className="meeting-action"
        aria-pressed={!muted}
        title={muted ? "Sounds are off: turn them on" : "Sounds for knocks and raised hands are on: turn them off"}
        onClick={() => setSoundsMuted(!muted)}
      >
        {muted ? "Sounds off" : "Sounds on"}
      </button>
      {error ? (
        <p className="toolbar-error error" role="alert" data-testid="toolbar-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
