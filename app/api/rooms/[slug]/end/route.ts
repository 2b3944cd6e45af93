// POST /api/rooms/[slug]/end – a host ends the meeting for everyone (the room stays open for the next one)
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { endMeetingForEveryone } from "@/lib/moderation/meeting-actions";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

export type EndMeetingResponse = { ended: true };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("endMeetingForEveryone", (await params).slug);
  await endMeetingForEveryone(moderatorOf(actor), room);
  return NextResponse.json({ ended: true } satisfies EndMeetingResponse);
});
