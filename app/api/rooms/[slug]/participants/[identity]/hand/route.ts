// DELETE /api/rooms/[slug]/participants/[identity]/hand – lower someone's raised hand; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { lowerHandOf } from "@/lib/in-meeting/hands";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type LowerHandResponse = { lowered: true };

export const DELETE = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  await parseJsonBody(request, emptyBody);
  const { slug, identity } = await params;
  const context = await authorizeRoomAction("lowerHands", slug);
  await lowerHandOf(context, identity);
  return NextResponse.json<LowerHandResponse>({ lowered: true });
});
