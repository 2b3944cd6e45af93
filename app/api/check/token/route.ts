// POST /api/check/token – a short-lived LiveKit token for the caller's connection check (/check)
import { NextResponse } from "next/server";
import { actorIdentity, requireActor } from "@/lib/auth/actor";
import { issueConnectionCheck } from "@/lib/connection-check/credentials";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";

export const POST = handler(async (request: Request) => {
  await parseJsonBody(request, emptyBody);
  const actor = await requireActor();
  enforceRateLimit("connectionCheckPerCaller", actorIdentity(actor));
  return NextResponse.json(await issueConnectionCheck(actor), { headers: { "Cache-Control": "no-store" } });
});
