// GET /api/rooms/[slug]/removals – who was removed from the room's meeting; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { handler, type RouteParams } from "@/lib/http";
import { listRemovals, type RemovalView } from "@/lib/moderation/removals";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type RemovalsResponse = { removals: RemovalView[] };

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug">) => {
  const { room } = await authorizeRoomAction("moderateParticipants", (await params).slug);
  return NextResponse.json<RemovalsResponse>(
    { removals: await listRemovals(room.id) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
