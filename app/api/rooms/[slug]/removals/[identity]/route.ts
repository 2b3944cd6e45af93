// DELETE /api/rooms/[slug]/removals/[identity] – let a removed person back in; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { letBackIn, moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type LetBackInResponse = { letBackIn: true };

export const DELETE = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  await parseJsonBody(request, emptyBody);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("moderateParticipants", slug);
  await letBackIn(moderatorOf(actor), room, identity);
  return NextResponse.json<LetBackInResponse>({ letBackIn: true });
});
