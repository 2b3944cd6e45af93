// POST /api/rooms/[slug]/knocks/[knockId]/watch – a token to see the knocker's camera, hidden from them; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { watchKnock, type DoorCredentials } from "@/lib/door/knocks";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type WatchKnockResponse = DoorCredentials;

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "knockId">) => {
  await parseJsonBody(request, emptyBody);
  const { slug, knockId } = await params;
  const { actor, room } = await authorizeRoomAction("manageDoor", slug);
  return NextResponse.json<WatchKnockResponse>(await watchKnock(actor, room, knockId), {
    headers: { "Cache-Control": "no-store" },
  });
});
