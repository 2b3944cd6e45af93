// GET /api/rooms/[slug]/knocks – who is at the door now, oldest first, and whether the room is locked; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { listKnocks, type KnockView } from "@/lib/door/knocks";
import { handler, type RouteParams } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type KnockListResponse = { knocks: KnockView[]; locked: boolean };

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug">) => {
  const { room } = await authorizeRoomAction("manageDoor", (await params).slug);
  return NextResponse.json<KnockListResponse>(
    { knocks: await listKnocks(room), locked: room.lockedAt !== null },
    { headers: { "Cache-Control": "no-store" } },
  );
});
