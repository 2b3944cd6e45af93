// GET /api/rooms/[slug]/departure – why the caller is no longer in the room's meeting, for their page to say
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/actor";
import { handler } from "@/lib/http";
import { departureOf } from "@/lib/moderation/departure";
import type { Departure } from "@/lib/moderation/rules";
import { findRoomBySlug } from "@/lib/rooms/rooms";

type Context = { params: Promise<{ slug: string }> };

export type DepartureResponse = Departure;

export const GET = handler(async (_request: Request, { params }: Context) => {
  const actor = await requireActor();
  const room = await findRoomBySlug((await params).slug);
  return NextResponse.json((await departureOf(actor, room)) satisfies DepartureResponse, { headers: { "Cache-Control": "no-store" } });
});
