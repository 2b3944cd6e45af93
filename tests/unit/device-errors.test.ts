import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { classifyMediaError, explainDeviceProblem } from "@/app/_components/meeting/device-errors";
import { CATALOGUES } from "@/lib/i18n/messages";

const inLanguage = (locale: "en" | "ru") =>
  createTranslator({ locale, messages: CATALOGUES[locale], namespace: "meeting" });

const failure = (name: string) => new DOMException("getUserMedia failed", name);

describe("camera and microphone failures", () => {
  it.each([
    ["NotAllowedError", "blocked"],
    ["SecurityError", "blocked"],
    ["NotFoundError", "missing"],
    ["OverconstrainedError", "missing"],
    ["NotReadableError", "in-use"],
    ["AbortError", "in-use"],
    ["TypeError", "failed"],
  ])("%s is read as %s", (name, problem) => {
    expect(classifyMediaError(failure(name))).toBe(problem);
  });

  it("treats anything that is not an error as a plain failure", () => {
    expect(classifyMediaError("nope")).toBe("failed");
  });

  it("names the device and offers a way forward for every problem", () => {
    const t = inLanguage("en");
    for (const problem of ["blocked", "missing", "in-use", "failed"] as const) {
      const text = explainDeviceProblem(t, "microphone", problem);
      expect(text).toContain("microphone");
      expect(text).toMatch(/join without it/);
    }
    expect(explainDeviceProblem(t, "camera", "in-use")).toContain("another app");
  });

  it("says the same in Russian, naming the device", () => {
    const t = inLanguage("ru");
    for (const problem of ["blocked", "missing", "in-use", "failed"] as const) {
      expect(explainDeviceProblem(t, "microphone", problem)).toMatch(/микрофон/i);
      expect(explainDeviceProblem(t, "camera", problem)).toMatch(/камер/i);
    }
  });
});
