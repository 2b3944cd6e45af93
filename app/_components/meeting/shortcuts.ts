// The meeting's keyboard shortcuts: one table, shown in the help dialog and read by the
// dispatcher, so what is documented is what works. A feature adds its row here (and what it does
// under meeting.shortcuts.descriptions in messages/) and passes its handler to useShortcuts(); a
// row without a handler is not listed in the help.
import { useEffect, useRef } from "react";

export const SHORTCUTS = [
  { id: "toggleMicrophone", key: "m", code: "KeyM", label: "M" },
  { id: "toggleCamera", key: "v", code: "KeyV", label: "V" },
  { id: "raiseHand", key: "h", code: "KeyH", label: "H" },
  { id: "openChat", key: "c", code: "KeyC", label: "C" },
  { id: "help", key: "?", code: null, label: "?" },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]["id"];
export type ShortcutActions = Partial<Record<ShortcutId, () => void>>;

/** Typing in a field, or a key a control handles itself, is never a shortcut. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest("input, textarea, select, [contenteditable], [role='textbox'], dialog") !== null;
}

/** Which shortcut, if any, a key press is. Pure, for the unit test. */
export function shortcutFor(
  event: Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey">,
): ShortcutId | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const byKey = SHORTCUTS.find((shortcut) => shortcut.key === key);
  if (byKey) return byKey.id;
  // A letter of another alphabet (the Russian layout types "ь" on the M key): the key's place decides.
  if (/^\p{L}$/u.test(key) && !/^[a-z]$/.test(key))
    return SHORTCUTS.find((shortcut) => shortcut.code === event.code)?.id ?? null;
  return null;
}

/** Runs the given actions on their keys while the meeting is shown. */
export function useShortcuts(actions: ShortcutActions) {
  const current = useRef(actions);
  useEffect(() => {
    current.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || typingIn(event.target)) return;
      const id = shortcutFor(event);
      const action = id ? current.current[id] : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
