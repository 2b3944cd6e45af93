import { NextResponse } from "next/server";
import { handler, readBodyText } from "@/lib/http";
import { receiveLiveKitWebhook } from "@/lib/meetings/webhook-events";

// LiveKit posts room and participant events here (livekit.yaml `webhook.urls`).
export const POST = handler(async (request: Request) => {
  const body = await readBodyText(request);
  const result = await receiveLiveKitWebhook(body, request.headers.get("authorization"));
  return NextResponse.json({ ok: true, duplicate: result.duplicate });
});
