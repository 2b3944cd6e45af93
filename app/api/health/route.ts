import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { handler } from "@/lib/http";

// Liveness and database reachability, for the dev runner, tests and container health checks.
export const GET = handler(async () => {
  await db.$queryRawUnsafe("SELECT 1");
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
});
