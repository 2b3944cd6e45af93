"use client";
// The help dialog listing the meeting's keyboard shortcuts, opened by its button or by "?".
import { useTranslations } from "next-intl";
import { forwardRef, useImperativeHandle, useRef } from "react";
import { SHORTCUTS, type ShortcutId } from "./shortcuts";

export type ShortcutsHelpHandle = { toggle: () => void };

/** `available`: the shortcuts that work in this meeting (a viewer has no microphone to mute). */
export const ShortcutsHelp = forwardRef<ShortcutsHelpHandle, { available: ShortcutId[] }>(function ShortcutsHelp(
  { available },
  handle,
) {
  const t = useTranslations("meeting.shortcuts");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useImperativeHandle(handle, () => ({
    toggle: () => {
      const element = dialog.current;
      if (!element) return;
      if (element.open) return element.close();
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    },
  }));
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog card"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
      onClose={() => opener.current?.focus()}
    >
      <h2 id="shortcuts-title">{t("title")}</h2>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t("key")}</th>
            <th scope="col">{t("action")}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((shortcut) => available.includes(shortcut.id)).map((shortcut) => (
            <tr key={shortcut.id}>
              <td>
                <kbd>{shortcut.label}</kbd>
              </td>
              <td>{t(`descriptions.${shortcut.id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t("tips")}</p>
      <form method="dialog">
        <button autoFocus>{t("close")}</button>
      </form>
    </dialog>
  );
});
