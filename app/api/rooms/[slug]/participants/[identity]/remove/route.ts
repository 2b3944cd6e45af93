// POST /api/rooms/[slug]/participants/[identity]/remove – take someone out of the meeting until let back in; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { moderatorOf, removeParticipant } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type RemoveResponse = { removed: true };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  await parseJsonBody(request, emptyBody);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("moderateParticipants", slug);
  await removeParticipant(moderatorOf(actor), room, identity);
  return NextResponse.json<RemoveResponse>({ removed: true });
});
