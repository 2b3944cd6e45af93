// GET /api/rooms/[slug]/departure – why the caller is no longer in the room's meeting, for their page to say
import { NextResponse } from "next/server";
import { actorIdentity, requireActor } from "@/lib/auth/actor";
import { handler } from "@/lib/http";
import { findRemoval } from "@/lib/moderation/removals";
import type { Departure } from "@/lib/moderation/rules";
import { findRoomBySlug } from "@/lib/rooms/rooms";

type Context = { params: Promise<{ slug: string }> };

export type DepartureResponse = Departure;

export const GET = handler(async (_request: Request, { params }: Context) => {
  const actor = await requireActor();
  const room = await findRoomBySlug((await params).slug);
  // Only about the caller themselves: nothing here says anything about anyone else.
  const removal = await findRemoval(room.id, actorIdentity(actor));
  return NextResponse.json({ removedBy: removal?.removedBy ?? null, roomClosed: room.endedAt !== null } satisfies DepartureResponse, {
    headers: { "Cache-Control": "no-store" },
  });
});
