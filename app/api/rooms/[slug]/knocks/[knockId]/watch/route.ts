import { NextResponse } from "next/server";
import { watchKnock } from "@/lib/door/knocks";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; knockId: string }> };

// POST /api/rooms/[slug]/knocks/[knockId]/watch – a token to see the knocker's camera, hidden from them (hosts and co-hosts)
export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { slug, knockId } = await params;
  const { actor, room } = await authorizeRoomAction("manageDoor", slug);
  return NextResponse.json(await watchKnock(actor, room, knockId), { headers: { "Cache-Control": "no-store" } });
});
