import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGUES } from "@/lib/i18n/messages";
import { ERROR_STATUS, isErrorCode, type ErrorCode } from "@/lib/error-codes";
import { AppError, errorResponse } from "@/lib/http";

// The typecheck is the real guard (a code without words does not compile); this catches what
// it cannot: empty words and statuses that are not errors.
const codes = Object.keys(ERROR_STATUS) as ErrorCode[];

describe("the error codes", () => {
  it("each carry an HTTP error status", () => {
    for (const code of codes) {
      expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
      expect(ERROR_STATUS[code], code).toBeLessThan(600);
    }
  });

  it.each(LOCALES)(
    "each have a heading and an explanation a person can read in %s, and nothing else has one",
    (locale) => {
      const words: Record<string, { title: string; joining?: string; message: string }> =
        CATALOGUES[locale].errors.codes;
      expect(Object.keys(words).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const { title, joining, message } = words[code]!;
        expect(title.trim(), code).not.toBe("");
        expect(message.trim(), code).not.toBe("");
        if (joining !== undefined) expect(joining.trim(), code).not.toBe("");
      }
    },
  );

  it("are known by name only", () => {
    expect(isErrorCode("room_full")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("no_such_code")).toBe(false);
  });
});

describe("an AppError", () => {
  it("answers with its code's status, the one JSON error shape and its headers", async () => {
    const response = errorResponse(
      new AppError("rate_limited", "Too many attempts to join a meeting.", { "Retry-After": "30" }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({
      error: { code: "rate_limited", message: "Too many attempts to join a meeting." },
    });
  });

  it("says its message in the caller's language: the server's own English words, or the code's explanation", async () => {
    const refusal = new AppError("room_locked", "This meeting is locked: nobody new can join until a host unlocks it.");
    expect(await errorResponse(refusal, "en").json()).toEqual({
      error: { code: "room_locked", message: "This meeting is locked: nobody new can join until a host unlocks it." },
    });
    expect(await errorResponse(refusal, "ru").json()).toEqual({
      error: { code: "room_locked", message: "Никто новый не сможет войти, пока ведущий не откроет встречу." },
    });
  });

  it("takes its status from the code: a guest stopped at the link may sign in (401), one already admitted may not join (403)", () => {
    expect(new AppError("guests_not_allowed", "x").status).toBe(401);
    expect(new AppError("guests_no_longer_allowed", "x").status).toBe(403);
  });
});
