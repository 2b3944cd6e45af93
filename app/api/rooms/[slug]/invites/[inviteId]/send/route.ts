// POST /api/rooms/[slug]/invites/[inviteId]/send – mail a personal link to its invitee (again)
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { mailPersonalInvite, senderName } from "@/lib/invites/invite-mail";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; inviteId: string }> };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { slug, inviteId } = await params;
  const { actor, room } = await authorizeRoomAction("manageInvites", slug);
  return NextResponse.json({ mail: await mailPersonalInvite(room.id, inviteId, senderName(actor)) });
});
