// POST /api/rooms/[slug]/participants/[identity]/mute – mute a microphone, or stop a camera or a screen share; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { moderatorOf, muteParticipant } from "@/lib/moderation/participant-actions";
import { muteSchema, type MutableSource } from "@/lib/moderation/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type MuteResponse = { muted: MutableSource };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  const { source } = await parseJsonBody(request, muteSchema);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("moderateParticipants", slug);
  await muteParticipant(moderatorOf(actor), room, identity, source);
  return NextResponse.json<MuteResponse>({ muted: source });
});
