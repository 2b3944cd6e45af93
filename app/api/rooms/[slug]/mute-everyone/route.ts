// POST /api/rooms/[slug]/mute-everyone – mute every microphone but the caller's; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { muteEveryone } from "@/lib/moderation/meeting-actions";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type MuteEveryoneResponse = { muted: number };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("moderateParticipants", (await params).slug);
  return NextResponse.json<MuteEveryoneResponse>(await muteEveryone(moderatorOf(actor), room));
});
