import { describe, expect, it } from "vitest";
import { classifyMediaError, explainDeviceProblem } from "@/app/_components/meeting/device-errors";

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
    for (const problem of ["blocked", "missing", "in-use", "failed"] as const) {
      const text = explainDeviceProblem("microphone", problem);
      expect(text).toContain("microphone");
      expect(text).toMatch(/join without it/);
    }
    expect(explainDeviceProblem("camera", "in-use")).toContain("another app");
  });
});
