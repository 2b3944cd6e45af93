// Dates, durations and counts on the admin and history pages, in each language.
import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { since, when } from "@/app/_components/format";
import { CATALOGUES } from "@/lib/i18n/messages";

const admin = (locale: "en" | "ru") => createTranslator({ locale, messages: CATALOGUES[locale], namespace: "admin" });
const now = Date.parse("2026-12-02T15:00:00Z");
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

describe("how long a meeting has been live", () => {
  it("reads in minutes, then hours and minutes", () => {
    expect([0, 3, 59, 65, 600].map((m) => since(admin("en"), ago(m), now))).toEqual([
      "0 min",
      "3 min",
      "59 min",
      "1 h 5 min",
      "10 h 0 min",
    ]);
    expect([3, 65].map((m) => since(admin("ru"), ago(m), now))).toEqual(["3 мин", "1 ч 5 мин"]);
  });

  it("never goes negative when the clocks disagree", () => {
    expect(since(admin("en"), ago(-2), now)).toBe("0 min");
  });
});

describe("a moment", () => {
  it("is written the locale's way, and a missing one as a dash", () => {
    const at = "2026-03-05T09:07:00Z";
    const format = (locale: "en" | "ru") => createFormatter({ locale, timeZone: "UTC" });
    expect(when(format("en"), at)).toBe("Mar 5, 2026, 9:07 AM");
    expect(when(format("ru"), at)).toBe("5 мар. 2026 г., 09:07");
    expect(when(format("en"), null)).toBe("—");
  });
});

describe("counts", () => {
  it("take each language's plural forms", () => {
    const pages = (locale: "en" | "ru", total: number) => admin(locale)("pager.rooms", { page: 1, pages: 1, total });
    expect([1, 2, 5, 21].map((n) => pages("en", n))).toEqual([
      "Page 1 of 1 · 1 room",
      "Page 1 of 1 · 2 rooms",
      "Page 1 of 1 · 5 rooms",
      "Page 1 of 1 · 21 rooms",
    ]);
    expect([1, 2, 5, 21].map((n) => pages("ru", n))).toEqual([
      "Страница 1 из 1 · 1 комната",
      "Страница 1 из 1 · 2 комнаты",
      "Страница 1 из 1 · 5 комнат",
      "Страница 1 из 1 · 21 комната",
    ]);
    const history = createTranslator({ locale: "ru", messages: CATALOGUES.ru, namespace: "history" });
    expect([1, 3, 11].map((peak) => history("summary", { ended: "—", minutes: 4, peak }))).toEqual([
      "Завершилась — · 4 мин · максимум 1 участник",
      "Завершилась — · 4 мин · максимум 3 участника",
      "Завершилась — · 4 мин · максимум 11 участников",
    ]);
  });
});
