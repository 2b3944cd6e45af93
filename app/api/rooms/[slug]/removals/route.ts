// GET /api/rooms/[slug]/removals – who was removed from the room's meeting, for hosts to let back in
import { NextResponse } from "next/server";
import { handler } from "@/lib/http";
import { listRemovals, type RemovalView } from "@/lib/moderation/removals";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

export type RemovalsResponse = { removals: RemovalView[] };

export const GET = handler(async (_request: Request, { params }: Context) => {
  const { room } = await authorizeRoomAction("moderateParticipants", (await params).slug);
  return NextResponse.json({ removals: await listRemovals(room.id) } satisfies RemovalsResponse, { headers: { "Cache-Control": "no-store" } });
});
