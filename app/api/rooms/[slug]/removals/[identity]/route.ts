// DELETE /api/rooms/[slug]/removals/[identity] – a host lets a removed person back in
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { letBackIn, moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; identity: string }> };

export type LetBackInResponse = { letBackIn: true };

export const DELETE = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("moderateParticipants", slug);
  await letBackIn(moderatorOf(actor), room, identity);
  return NextResponse.json({ letBackIn: true } satisfies LetBackInResponse);
});
