// GET /api/rooms/[slug]/departure – why the caller is no longer in the room's meeting; anyone, about themselves
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/actor";
import { handler, type RouteParams } from "@/lib/http";
import { departureOf } from "@/lib/moderation/departure";
import type { Departure } from "@/lib/moderation/rules";
import { findRoomBySlug } from "@/lib/rooms/rooms";

export type DepartureResponse = Departure;

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug">) => {
  const actor = await requireActor();
  const room = await findRoomBySlug((await params).slug);
  return NextResponse.json<DepartureResponse>(await departureOf(actor, room), {
    headers: { "Cache-Control": "no-store" },
  });
});
