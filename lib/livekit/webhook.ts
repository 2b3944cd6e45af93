import "server-only";
import { createHash } from "node:crypto";
import { TokenVerifier, WebhookEvent } from "livekit-server-sdk";
import { env } from "../env";
import { errorMessage } from "../error-message";
import { AppError } from "../http";

// LiveKit signs each webhook with the API secret: a JWT in Authorization carrying the body's SHA-256.

let verifier: TokenVerifier | undefined;

/**
 * Checks that LiveKit signed this exact body (else 401), then reads the event (else 400).
 * Fields this version does not know are ignored: newer LiveKit servers add some.
 */
export async function verifyLiveKitWebhook(body: string, authorization: string | null): Promise<WebhookEvent> {
  const { LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = env();
  verifier ??= new TokenVerifier(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
  if (!authorization) throw new AppError("unsigned_webhook", "The webhook carries no signature.");
  const signed = await verifier.verify(authorization).catch(() => null);
  if (!signed || signed.sha256 !== createHash("sha256").update(body).digest("base64")) {
    throw new AppError("invalid_webhook_signature", "The webhook's signature does not match its body.");
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  let event: WebhookEvent;
  try {
    event = WebhookEvent.fromJson(json as Parameters<typeof WebhookEvent.fromJson>[0], { ignoreUnknownFields: true });
  } catch (error) {
    throw new AppError("invalid_webhook", `The webhook is not a LiveKit event: ${errorMessage(error)}.`);
  }
  if (!event.id) throw new AppError("invalid_webhook", "The webhook has no event id.");
  return event;
}
