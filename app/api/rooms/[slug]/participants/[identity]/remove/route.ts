// POST /api/rooms/[slug]/participants/[identity]/remove – a host removes someone, who stays out until let back in
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { moderatorOf, removeParticipant } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; identity: string }> };

export type RemoveResponse = { removed: true };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("moderateParticipants", slug);
  await removeParticipant(moderatorOf(actor), room, identity);
  return NextResponse.json({ removed: true } satisfies RemoveResponse);
});
