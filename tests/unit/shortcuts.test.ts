import { describe, expect, it } from "vitest";
import { SHORTCUTS, shortcutFor } from "@/app/_components/meeting/shortcuts";
import { CATALOGUES } from "@/lib/i18n/messages";
import { LOCALES } from "@/lib/i18n/locales";

const press = (
  key: string,
  modifiers: { code?: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {},
) => ({
  key,
  code: key.length === 1 && /[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : "",
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe("the meeting's keyboard shortcuts", () => {
  it("reads each documented key as its shortcut, in either case", () => {
    expect(shortcutFor(press("m"))).toBe("toggleMicrophone");
    expect(shortcutFor(press("M"))).toBe("toggleMicrophone");
    expect(shortcutFor(press("v"))).toBe("toggleCamera");
    expect(shortcutFor(press("h"))).toBe("raiseHand");
    expect(shortcutFor(press("c"))).toBe("openChat");
    expect(shortcutFor(press("?"))).toBe("help");
  });

  it("finds a letter's shortcut by the key's place when the layout types another alphabet", () => {
    // The Russian layout: "ь" is on M, "м" on V, "р" on H, "с" on C.
    expect(shortcutFor(press("ь", { code: "KeyM" }))).toBe("toggleMicrophone");
    expect(shortcutFor(press("м", { code: "KeyV" }))).toBe("toggleCamera");
    expect(shortcutFor(press("Р", { code: "KeyH" }))).toBe("raiseHand");
    expect(shortcutFor(press("с", { code: "KeyC" }))).toBe("openChat");
    // A Latin layout's own letters win over places (Dvorak types "j" on the C key).
    expect(shortcutFor(press("j", { code: "KeyC" }))).toBeNull();
    expect(shortcutFor(press("ж", { code: "Semicolon" }))).toBeNull();
  });

  it("leaves the browser's and the system's own combinations alone", () => {
    expect(shortcutFor(press("c", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("v", { metaKey: true }))).toBeNull();
    expect(shortcutFor(press("m", { altKey: true }))).toBeNull();
    expect(shortcutFor(press("x"))).toBeNull();
    expect(shortcutFor(press("Enter"))).toBeNull();
  });

  it("gives every shortcut its own key and a description in every language", () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.key)).size).toBe(SHORTCUTS.length);
    for (const locale of LOCALES) {
      const descriptions: Record<string, string> = CATALOGUES[locale].meeting.shortcuts.descriptions;
      for (const shortcut of SHORTCUTS) expect(descriptions[shortcut.id]?.length).toBeGreaterThan(5);
    }
  });
});
