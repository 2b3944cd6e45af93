// The meeting's counted and timed sentences in each language: Russian plural forms, waits in the
// locale's units, and the notices a host's action sends, built from the catalogues themselves.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { noticeText } from "@/app/_components/meeting/notice-text";
import { handWaited, knockWaited } from "@/app/_components/meeting/waiting-time";
import { CATALOGUES } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { NOTICE_KINDS } from "@/lib/moderation/rules";

const inLanguage = (locale: Locale) => createTranslator({ locale, messages: CATALOGUES[locale], namespace: "meeting" });
const en = inLanguage("en");
const ru = inLanguage("ru");

const NOW = Date.parse("2026-12-02T12:00:00Z");
const ago = (seconds: number) => NOW - seconds * 1000;

describe("people waiting at the door", () => {
  it("are counted with English's and Russian's plural forms", () => {
    expect([1, 2].map((count) => en("knocks.count", { count }))).toEqual([
      "1 person is waiting to join",
      "2 people are waiting to join",
    ]);
    expect([1, 2, 5, 11, 21, 1000].map((count) => ru("knocks.count", { count }))).toEqual([
      "1 человек ожидает входа",
      "2 человека ожидают входа",
      "5 человек ожидают входа",
      "11 человек ожидают входа",
      "21 человек ожидает входа",
      "1\u00a0000 человек ожидают входа",
    ]);
  });

  it("have waited a time in each language's units, to the second", () => {
    expect([12, 185, 3900].map((s) => knockWaited(en, ago(s), NOW))).toEqual(["12 s", "3 min 5 s", "1 h 5 min"]);
    expect([12, 185, 3900].map((s) => knockWaited(ru, ago(s), NOW))).toEqual(["12 с", "3 мин 5 с", "1 ч 5 мин"]);
  });
});

describe("a raised hand's wait", () => {
  it("is said roughly, in each language", () => {
    expect([2, 45, 185, 3900].map((s) => handWaited(en, ago(s), NOW))).toEqual([
      "just now",
      "45 s",
      "3 min",
      "1 h 5 min",
    ]);
    expect([2, 45, 185, 3900].map((s) => handWaited(ru, ago(s), NOW))).toEqual([
      "только что",
      "45 с",
      "3 мин",
      "1 ч 5 мин",
    ]);
  });

  it("and its place in the queue reads naturally", () => {
    expect(en("participants.handLine", { place: 1, waited: "3 min" })).toBe("Hand raised first, waiting 3 min");
    expect(en("participants.handLine", { place: 2, waited: "3 min" })).toBe("Hand raised number 2, waiting 3 min");
    expect(ru("participants.handLine", { place: 3, waited: "3 мин" })).toBe(
      "Рука поднята, номер 3 в очереди, ждёт 3 мин",
    );
  });
});

describe("unread chat messages", () => {
  it("are counted with Russian's plural forms", () => {
    expect([1, 3, 5, 21].map((count) => ru("chat.toggleUnread", { count }))).toEqual([
      "Чат, 1 непрочитанное",
      "Чат, 3 непрочитанных",
      "Чат, 5 непрочитанных",
      "Чат, 21 непрочитанное",
    ]);
  });

  it("and a message too long says its length in the locale's digits", () => {
    expect(en("chat.tooLong", { length: 2001, max: 2000 })).toBe("2,001 of at most 2,000 characters");
    expect(ru("chat.tooLong", { length: 2001, max: 2000 })).toBe("2\u00a0001 символ при максимуме 2\u00a0000");
  });
});

describe("what a host did, as the person it was done to reads it", () => {
  it("names who did it, in every language, for every kind of notice", () => {
    for (const t of [en, ru])
      for (const kind of NOTICE_KINDS) {
        const text = noticeText(t, { kind, by: "Anna" });
        if (kind === "room_closed") expect(text).not.toContain("Anna");
        else expect(text).toContain("Anna");
      }
    expect(noticeText(en, { kind: "microphone_muted", by: "Anna" })).toBe("Anna muted your microphone.");
    expect(noticeText(ru, { kind: "removed", by: "Anna" })).toBe("Пользователь Anna удалил вас со встречи.");
  });
});
