"use client";
// The meeting's background menu, beside the camera's device menu; it also keeps the published
// camera track's effect in step with the remembered choice.
import { useLocalParticipant } from "@livekit/components-react";
import type { LocalVideoTrack } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { useBackgroundChoice } from "./background-choice";
import { BackgroundPicker } from "./BackgroundPicker";
import { useCameraBackground } from "./use-background-effect";

export function BackgroundMenu({ children }: { children?: ReactNode }) {
  const t = useTranslations("meeting.background");
  const { cameraTrack } = useLocalParticipant();
  const status = useCameraBackground(cameraTrack?.track as LocalVideoTrack | undefined, useBackgroundChoice());
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!place) return;
    const close = (event: Event) => {
      const target = event.target as Node;
      const outside = !menu.current?.contains(target) && !button.current?.contains(target);
      if (event instanceof KeyboardEvent ? event.key === "Escape" : outside) setPlace(null);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [place]);

  function toggle() {
    const rect = button.current?.getBoundingClientRect();
    if (place || !rect) return setPlace(null);
    // Fixed, above the button: the control bar scrolls sideways on a phone and would clip it.
    const width = Math.min(320, window.innerWidth - 16); // as .background-menu's CSS
    setPlace({
      left: Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)),
      bottom: window.innerHeight - rect.top + 8,
    });
  }

  const problem = status === "failed" || status === "unsupported";
  return (
    <>
      <button
        ref={button}
        type="button"
        className="lk-button"
        aria-label={t("choose")}
        aria-expanded={place !== null}
        aria-haspopup="dialog"
        data-status={status}
        onClick={toggle}
      >
        {/* A person in front of a backdrop: the words are hidden on a phone, this stays. */}
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
          <rect x="1" y="2" width="14" height="12" rx="2" opacity="0.35" />
          <circle cx="8" cy="7" r="2.5" />
          <path d="M3.5 14c0-2.5 2-4 4.5-4s4.5 1.5 4.5 4z" />
        </svg>
        {children}
        {problem ? <span aria-hidden="true"> !</span> : null}
      </button>
      {place ? (
        <div
          ref={menu}
          className="lk-device-menu background-menu"
          role="dialog"
          aria-label={t("choose")}
          style={{ ...place, top: "auto", position: "fixed" }}
        >
          <BackgroundPicker status={status} />
        </div>
      ) : null}
      {problem && !place ? (
        <span className="visually-hidden" role="status">
          {t(status === "failed" ? "failed" : "unsupported")}
        </span>
      ) : null}
    </>
  );
}
