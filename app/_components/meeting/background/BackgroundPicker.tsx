"use client";
// None, blur or one of the built-in pictures, chosen once for the pre-join screen and the meeting.
import { useTranslations } from "next-intl";
import { useId } from "react";
import {
  BACKGROUND_IMAGES,
  backgroundImageUrl,
  backgroundKey,
  parseBackgroundKey,
  saveBackground,
  useBackgroundChoice,
  type BackgroundImage,
  type BackgroundKey,
} from "./background-choice";
import { statusMessage, type EffectStatus } from "./use-background-effect";

type Option = { key: BackgroundKey; label: "none" | "blur" | `images.${BackgroundImage}`; picture?: string };
const OPTIONS: Option[] = [
  { key: "none", label: "none" },
  { key: "blur", label: "blur" },
  ...BACKGROUND_IMAGES.map((image) => ({
    key: `image:${image}` as const,
    label: `images.${image}` as const,
    picture: backgroundImageUrl(image),
  })),
];

export function BackgroundPicker({ status }: { status: EffectStatus }) {
  const t = useTranslations("meeting.background");
  const chosen = backgroundKey(useBackgroundChoice());
  const name = useId();
  const message = statusMessage(status);
  return (
    <fieldset className="background-picker" data-testid="background-picker" data-status={status}>
      <legend>{t("title")}</legend>
      <div className="background-options">
        {OPTIONS.map((option) => (
          <label
            key={option.key}
            className={`background-option background-option-${option.key.replace(":", "-")}`}
            style={option.picture ? { backgroundImage: `url(${option.picture})` } : undefined}
          >
            <input
              type="radio"
              name={name}
              value={option.key}
              checked={chosen === option.key}
              onChange={() => saveBackground(parseBackgroundKey(option.key))}
            />
            <span>{t(option.label)}</span>
          </label>
        ))}
      </div>
      {message ? (
        <p className={status === "starting" ? "muted" : "background-problem"} role="status">
          {t(message)}
        </p>
      ) : null}
    </fieldset>
  );
}
