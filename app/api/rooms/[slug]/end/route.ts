// POST /api/rooms/[slug]/end – end the meeting for everyone (the room stays open for the next one); the room's owner, admins
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { endMeetingForEveryone } from "@/lib/moderation/meeting-actions";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type EndMeetingResponse = { ended: true };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("endMeetingForEveryone", (await params).slug);
  await endMeetingForEveryone(moderatorOf(actor), room);
  return NextResponse.json<EndMeetingResponse>({ ended: true });
});
