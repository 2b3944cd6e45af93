// GET /api/ping – the app's process answers, and nothing more (no database, no session); anyone.
// A liveness probe that costs nothing, and bench:token's yardstick: what `next start` serves for an empty route.
import { NextResponse } from "next/server";

export type PingResponse = { ok: true };

export const GET = (): NextResponse<PingResponse> =>
  NextResponse.json<PingResponse>({ ok: true }, { headers: { "Cache-Control": "no-store" } });
