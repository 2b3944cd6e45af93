// POST /api/livekit/webhook – room and participant events; LiveKit only (signed with the API secret)
import { NextResponse } from "next/server";
import { handler, readBodyText } from "@/lib/http";
import { receiveLiveKitWebhook } from "@/lib/meetings/webhook-events";

export type WebhookResponse = { ok: true; duplicate: boolean };

// Configured in livekit.yaml (`webhook.urls`).
export const POST = handler(async (request: Request) => {
  const body = await readBodyText(request);
  const result = await receiveLiveKitWebhook(body, request.headers.get("authorization"));
  return NextResponse.json<WebhookResponse>({ ok: true, duplicate: result.duplicate });
});
