// POST /api/rooms/[slug]/participants/[identity]/mute – a host mutes a microphone, or stops a camera or a screen share
import { NextResponse } from "next/server";
import { handler, parseJsonBody } from "@/lib/http";
import { moderatorOf, muteParticipant } from "@/lib/moderation/participant-actions";
import { muteSchema, type MutableSource } from "@/lib/moderation/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; identity: string }> };

export type MuteResponse = { muted: MutableSource };

export const POST = handler(async (request: Request, { params }: Context) => {
  const { source } = await parseJsonBody(request, muteSchema);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("moderateParticipants", slug);
  await muteParticipant(moderatorOf(actor), room, identity, source);
  return NextResponse.json({ muted: source } satisfies MuteResponse);
});
