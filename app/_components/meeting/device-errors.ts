// Turns getUserMedia failures into explanations a person can act on.
import type { MeetingT } from "./meeting-t";

export type DeviceKind = "camera" | "microphone";
export type DeviceProblem = "blocked" | "missing" | "in-use" | "failed";

export function classifyMediaError(error: unknown): DeviceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return "blocked";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return "missing";
  if (name === "NotReadableError" || name === "TrackStartError" || name === "AbortError") return "in-use";
  return "failed";
}

const PROBLEM_KEYS = { blocked: "blocked", missing: "missing", "in-use": "inUse", failed: "failed" } as const;

export function explainDeviceProblem(t: MeetingT, kind: DeviceKind, problem: DeviceProblem): string {
  return t(`devices.${kind}.${PROBLEM_KEYS[problem]}`);
}
