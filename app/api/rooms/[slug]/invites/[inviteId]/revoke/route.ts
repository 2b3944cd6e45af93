// POST /api/rooms/[slug]/invites/[inviteId]/revoke – revoke an invite link; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { revokeInvite } from "@/lib/invites/invites";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type RevokeInviteResponse = { revoked: true };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "inviteId">) => {
  await parseJsonBody(request, emptyBody);
  const { slug, inviteId } = await params;
  const { room } = await authorizeRoomAction("manageInvites", slug);
  await revokeInvite(room.id, inviteId);
  return NextResponse.json<RevokeInviteResponse>({ revoked: true });
});
