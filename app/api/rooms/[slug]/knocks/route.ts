import { NextResponse } from "next/server";
import { listKnocks, type KnockListResponse } from "@/lib/door/knocks";
import { handler } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

// GET /api/rooms/[slug]/knocks – who is at the door now, oldest first (hosts and co-hosts)
export const GET = handler(async (_request: Request, { params }: Context) => {
  const { room } = await authorizeRoomAction("manageDoor", (await params).slug);
  const body: KnockListResponse = { knocks: await listKnocks(room), locked: room.lockedAt !== null };
  return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
});
