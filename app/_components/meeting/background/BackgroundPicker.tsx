"use client";
// None, blur or one of the built-in pictures, chosen once for the pre-join screen and the meeting.
import { useId } from "react";
import {
  BACKGROUND_IMAGES,
  backgroundImageUrl,
  backgroundKey,
  parseBackgroundKey,
  saveBackground,
  useBackgroundChoice,
  type BackgroundKey,
} from "./background-choice";
import { statusMessage, type EffectStatus } from "./use-background-effect";
import { BACKGROUND_WORDS } from "./words";

const OPTIONS: { key: BackgroundKey; label: string; picture?: string }[] = [
  { key: "none", label: BACKGROUND_WORDS.none },
  { key: "blur", label: BACKGROUND_WORDS.blur },
  ...BACKGROUND_IMAGES.map((image) => ({
    key: `image:${image}` as const,
    label: BACKGROUND_WORDS.images[image],
    picture: backgroundImageUrl(image),
  })),
];

export function BackgroundPicker({ status }: { status: EffectStatus }) {
  const chosen = backgroundKey(useBackgroundChoice());
  const name = useId();
  const message = statusMessage(status);
  return (
    <fieldset className="background-picker" data-testid="background-picker" data-status={status}>
      <legend>{BACKGROUND_WORDS.background}</legend>
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
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {message ? (
        <p className={status === "starting" ? "muted" : "background-problem"} role="status">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
