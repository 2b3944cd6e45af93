// POST /api/rooms/[slug]/invites/[inviteId]/revoke – revoke an invite link, and with revokeAccess the access it gave; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { revokeInviteSchema } from "@/lib/invites/rules";
import { revokeLink } from "@/lib/moderation/meeting-actions";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { authorizeRoomAction } from "@/lib/rooms/guard";

/** `disconnected`: how many who came in through it were in the meeting and had to leave. */
export type RevokeInviteResponse = { revoked: true; disconnected: number };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "inviteId">) => {
  const { revokeAccess } = await parseJsonBody(request, revokeInviteSchema);
  const { slug, inviteId } = await params;
  const { actor, room } = await authorizeRoomAction("manageInvites", slug);
  const { disconnected } = await revokeLink(moderatorOf(actor), room, inviteId, revokeAccess);
  return NextResponse.json<RevokeInviteResponse>({ revoked: true, disconnected });
});
