import { NextResponse } from "next/server";
import { handler } from "@/lib/http";
import { revokeInvite } from "@/lib/invites/invites";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; inviteId: string }> };

export const POST = handler(async (_request: Request, { params }: Context) => {
  const { slug, inviteId } = await params;
  const { room } = await authorizeRoomAction("manageInvites", slug);
  await revokeInvite(room.id, inviteId);
  return NextResponse.json({ revoked: true });
});
