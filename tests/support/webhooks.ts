// LiveKit's webhooks as livekit-server sends them: protobuf JSON, signed by a JWT from the API
// key and secret that carries the body's SHA-256, posted to the running app.
import { createHash, randomBytes } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import type { InMeeting } from "./livekit";
import { stack } from "./stack";

export type Json = Record<string, unknown>;
export type WebhookEventJson = { event: string; id: string; createdAt: string; room?: Json; participant?: Json };
export type WebhookResponse = {
  status: number;
  body: { ok?: boolean; duplicate?: boolean; error?: { code: string; message: string } };
};

/** A new event (its own id); `at` becomes its createdAt, in whole seconds as LiveKit sends it. */
export function webhookEvent(
  event: string,
  { room, participant, at = new Date() }: { room?: Json; participant?: Json; at?: Date },
): WebhookEventJson {
  return {
    event,
    id: `EV_${randomBytes(9).toString("base64url")}`,
    createdAt: String(Math.floor(at.getTime() / 1000)),
    room,
    participant,
  };
}

/** What LiveKit would send when this participant joined (it sends nothing for a signal-only one). */
export const joinedEvent = (who: InMeeting) =>
  webhookEvent("participant_joined", { room: who.room, participant: who.participant, at: who.joinedAt });

/** The Authorization header livekit-server sends: see WebhookReceiver in livekit-server-sdk. */
export function signWebhook(
  body: string,
  { key = stack.livekitKey, secret = stack.livekitSecret } = {},
): Promise<string> {
  const token = new AccessToken(key, secret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

export async function postWebhook(body: string, authorization?: string): Promise<WebhookResponse> {
  const headers = new Headers({ "content-type": "application/webhook+json" });
  if (authorization) headers.set("authorization", authorization);
  const response = await fetch(new URL("/api/livekit/webhook", stack.appUrl), { method: "POST", headers, body });
  return { status: response.status, body: (await response.json()) as WebhookResponse["body"] };
}

/** Signs and delivers one event, as LiveKit does. */
export async function deliverWebhook(event: WebhookEventJson): Promise<WebhookResponse> {
  const body = JSON.stringify(event);
  return postWebhook(body, await signWebhook(body));
}
