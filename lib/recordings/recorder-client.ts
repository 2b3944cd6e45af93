import "server-only";
import { env } from "../env";
import { errorMessage } from "../error-message";
import { AppError } from "../http";
import { logger } from "../logger";
import type { RecorderManifest } from "./compose-plan";

// The app's side of parley-recorder's API (recorder/README.md): loopback, a shared secret.

const unavailable = () =>
  new AppError("recording_unavailable", "The recorder can't be reached right now. Try again in a moment.");

function recorder(): { url: string; secret: string } {
  const { RECORDER_URL, RECORDER_SECRET } = env();
  if (!RECORDER_URL || !RECORDER_SECRET)
    throw new AppError("recording_unavailable", "Recording is not set up on this server (RECORDER_URL).");
  return { url: RECORDER_URL.replace(/\/$/, ""), secret: RECORDER_SECRET };
}

export const recordingEnabled = () => Boolean(env().RECORDER_URL);

async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<Response> {
  const { url, secret } = recorder();
  try {
    return await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    logger.warn("recorder_unreachable", { path, error: errorMessage(error) });
    throw unavailable();
  }
}

/** Has the recorder join the room and start writing; its manifest so far. */
export async function startOnRecorder(id: string, token: string): Promise<RecorderManifest> {
  const response = await call("POST", "/recordings", { id, livekitUrl: env().LIVEKIT_URL, token });
  if (response.status !== 201) {
    logger.warn("recorder_refused_start", { id, status: response.status, body: await response.text() });
    throw unavailable();
  }
  return (await response.json()) as RecorderManifest;
}

/** Stops a running recording; null when the recorder is not running it (any more). */
export async function stopOnRecorder(id: string): Promise<RecorderManifest | null> {
  const response = await call("POST", `/recordings/${encodeURIComponent(id)}/stop`);
  if (response.status === 404) return null;
  if (!response.ok) throw unavailable();
  return (await response.json()) as RecorderManifest;
}

/** Whether the recorder is running this recording now; throws when the recorder cannot be reached. */
export async function runningOnRecorder(id: string): Promise<boolean> {
  const response = await call("GET", `/recordings/${encodeURIComponent(id)}`);
  if (response.status === 404) return false;
  if (!response.ok) throw unavailable();
  return true;
}
