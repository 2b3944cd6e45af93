import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { revokeInvite } from "@/lib/invites/invites";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; inviteId: string }> };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { slug, inviteId } = await params;
  const { room } = await authorizeRoomAction("manageInvites", slug);
  await revokeInvite(room.id, inviteId);
  return NextResponse.json({ revoked: true });
});
