// Turns getUserMedia failures into explanations a person can act on.
export type DeviceKind = "camera" | "microphone";
export type DeviceProblem = "blocked" | "missing" | "in-use" | "failed";

export function classifyMediaError(error: unknown): DeviceProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return "blocked";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return "missing";
  if (name === "NotReadableError" || name === "TrackStartError" || name === "AbortError") return "in-use";
  return "failed";
}

export function explainDeviceProblem(kind: DeviceKind, problem: DeviceProblem): string {
  switch (problem) {
    case "blocked":
      return `Your browser blocked the ${kind}. Allow it for this site (the icon in the address bar), then try again, or join without it.`;
    case "missing":
      return `No ${kind} was found. Plug one in and try again, or join without it.`;
    case "in-use":
      return `Your ${kind} is being used by another app. Close that app and try again, or join without it.`;
    case "failed":
      return `Your ${kind} could not be started. Try again, or join without it.`;
  }
}
