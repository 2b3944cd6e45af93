// GET /api/health – liveness and database reachability; anyone (the dev runner, tests, container health checks)
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { handler } from "@/lib/http";

export type HealthResponse = { ok: true };

export const GET = handler(async () => {
  await db.$queryRawUnsafe("SELECT 1");
  return NextResponse.json<HealthResponse>({ ok: true }, { headers: { "Cache-Control": "no-store" } });
});
