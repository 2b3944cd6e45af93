// GET, POST /api/rooms/[slug]/invites – list a room's invite links, make one; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { createInvite, listInvites, type NewInvite } from "@/lib/invites/invites";
import { mailInviteIfAddressed, type InviteMailStatus } from "@/lib/invites/invite-mail";
import { createInviteSchema, type InviteView } from "@/lib/invites/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type InviteListResponse = { invites: InviteView[] };
export type CreateInviteResponse = { invite: NewInvite & { mail: InviteMailStatus | null } };

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug">) => {
  const { room } = await authorizeRoomAction("manageInvites", (await params).slug);
  return NextResponse.json<InviteListResponse>(
    { invites: await listInvites(room.id) },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  const input = await parseJsonBody(request, createInviteSchema);
  const { actor, room } = await authorizeRoomAction("manageInvites", (await params).slug);
  const invite = await createInvite(room.id, actor, input);
  const mail = await mailInviteIfAddressed(room.id, invite.id, actor, input);
  return NextResponse.json<CreateInviteResponse>({ invite: { ...invite, mail } }, { status: 201 });
});
