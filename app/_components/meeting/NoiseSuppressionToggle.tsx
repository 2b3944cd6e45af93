"use client";
// The noise suppression switch, on the pre-join screen and in the meeting's microphone menu. No
// LiveKit code here: the pre-join screen shows before LiveKit is loaded.
import { useTranslations } from "next-intl";
import { useId } from "react";
import {
  canSuppressNoise,
  setNoiseSuppressionWanted,
  useNoiseStatus,
  useNoiseSuppressionWanted,
} from "./noise-suppression";

/** The switch, with where the filter stands when in a meeting (`live`). */
export function NoiseSuppressionToggle({ live }: { live: boolean }) {
  const t = useTranslations("meeting.noise");
  const id = useId();
  const wanted = useNoiseSuppressionWanted();
  const status = useNoiseStatus();
  const unavailable = live ? status === "unavailable" : !canSuppressNoise();
  return (
    <div className="noise-toggle" data-testid="noise-suppression" data-status={live ? status : undefined}>
      <label htmlFor={id}>
        <span>
          <input
            id={id}
            type="checkbox"
            checked={wanted}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setNoiseSuppressionWanted(event.target.checked)}
          />{" "}
          {t("toggle")}
        </span>
      </label>
      <p id={`${id}-hint`} className="muted" role={unavailable ? "alert" : undefined}>
        {wanted && unavailable ? t("unavailable") : live && status === "loading" ? t("loading") : t("hint")}
      </p>
    </div>
  );
}
