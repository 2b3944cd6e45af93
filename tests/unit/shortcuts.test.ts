import { describe, expect, it } from "vitest";
import { SHORTCUTS, shortcutFor } from "@/app/_components/meeting/shortcuts";

const press = (key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => ({
  key,
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

  it("leaves the browser's and the system's own combinations alone", () => {
    expect(shortcutFor(press("c", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("v", { metaKey: true }))).toBeNull();
    expect(shortcutFor(press("m", { altKey: true }))).toBeNull();
    expect(shortcutFor(press("x"))).toBeNull();
    expect(shortcutFor(press("Enter"))).toBeNull();
  });

  it("gives every shortcut its own key and a description", () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.key)).size).toBe(SHORTCUTS.length);
    for (const shortcut of SHORTCUTS) expect(shortcut.description.length).toBeGreaterThan(5);
  });
});
