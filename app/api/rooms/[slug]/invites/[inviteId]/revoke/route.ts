// POST /api/rooms/[slug]/invites/[inviteId]/revoke – revoke a link, and with revokeAccess the access it gave
import { NextResponse } from "next/server";
import { handler, parseJsonBody } from "@/lib/http";
import { revokeInviteSchema } from "@/lib/invites/rules";
import { revokeLink } from "@/lib/moderation/meeting-actions";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string; inviteId: string }> };

export type RevokeInviteResponse = { revoked: true; disconnected: number };

export const POST = handler(async (request: Request, { params }: Context) => {
  const { revokeAccess } = await parseJsonBody(request, revokeInviteSchema);
  const { slug, inviteId } = await params;
  const { actor, room } = await authorizeRoomAction("manageInvites", slug);
  const { disconnected } = await revokeLink(moderatorOf(actor), room, inviteId, revokeAccess);
  return NextResponse.json({ revoked: true, disconnected } satisfies RevokeInviteResponse);
});
