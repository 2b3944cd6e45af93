// Tells Parley that this browser could not connect to the meeting it was let into, with LiveKit's
// reason, so an admin sees it under "Join problems". Best effort: the person is told anyway.
import { ConnectionError, ConnectionErrorReason } from "livekit-client";
import { callApi } from "../api";

export function reportJoinFailure(attemptId: string, error: Error): void {
  const reason =
    error instanceof ConnectionError ? (ConnectionErrorReason[error.reason] ?? "Unknown") : error.name || "Error";
  void callApi<null>("/api/join-failures", {
    method: "POST",
    json: { attemptId, reason, message: error.message.slice(0, 500) },
  });
}
