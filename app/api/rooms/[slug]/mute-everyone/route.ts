// POST /api/rooms/[slug]/mute-everyone – a host mutes every microphone but their own
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { muteEveryone } from "@/lib/moderation/meeting-actions";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

export type MuteEveryoneResponse = { muted: number };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("moderateParticipants", (await params).slug);
  return NextResponse.json((await muteEveryone(moderatorOf(actor), room)) satisfies MuteEveryoneResponse);
});
