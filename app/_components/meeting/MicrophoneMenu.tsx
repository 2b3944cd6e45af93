"use client";
// The microphone's menu on the control bar: which microphone, and noise suppression. LiveKit's
// MediaDeviceMenu takes nothing besides the device list, so this is its look with a popover (the
// browser's own: Escape and a click outside close it, and the bar's sideways scroll cannot clip it).
import { MediaDeviceSelect } from "@livekit/components-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type ToggleEvent } from "react";
import { NoiseSuppressionToggle } from "./NoiseSuppressionToggle";

const GAP_PX = 6;

export function MicrophoneMenu() {
  const t = useTranslations("meeting.controls");
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  function onToggle(event: ToggleEvent<HTMLDivElement>) {
    const opening = event.newState === "open";
    setOpen(opening);
    const anchor = button.current?.getBoundingClientRect();
    if (!opening || !anchor || !menu.current) return;
    // Above the button, inside the window.
    const width = menu.current.offsetWidth;
    menu.current.style.left = `${Math.max(GAP_PX, Math.min(anchor.left, window.innerWidth - width - GAP_PX))}px`;
    menu.current.style.bottom = `${window.innerHeight - anchor.top + GAP_PX}px`;
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="lk-button lk-button-menu"
        aria-label={t("chooseMicrophone")}
        aria-expanded={open}
        popoverTarget={id}
      />
      <div id={id} ref={menu} popover="auto" className="lk-device-menu microphone-menu" onToggle={onToggle}>
        <MediaDeviceSelect
          kind="audioinput"
          requestPermissions={open}
          onActiveDeviceChange={() => menu.current?.hidePopover()}
        />
        <NoiseSuppressionToggle live />
      </div>
    </>
  );
}
