// POST /api/check/token – a short-lived LiveKit token for the connection check (/check); members and guests
import { NextResponse } from "next/server";
import { actorIdentity, requireActor } from "@/lib/auth/actor";
import { issueConnectionCheck, type ConnectionCheckCredentials } from "@/lib/connection-check/credentials";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";

export const POST = handler(async (request: Request) => {
  await parseJsonBody(request, emptyBody);
  const actor = await requireActor();
  enforceRateLimit("connectionCheckPerCaller", actorIdentity(actor));
  return NextResponse.json<ConnectionCheckCredentials>(await issueConnectionCheck(actor), {
    headers: { "Cache-Control": "no-store" },
  });
});
