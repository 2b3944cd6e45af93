import { NextResponse } from "next/server";
import { handler, parseJsonBody } from "@/lib/http";
import { createInvite, listInvites } from "@/lib/invites/invites";
import { mailInviteIfAddressed } from "@/lib/invites/invite-mail";
import { createInviteSchema } from "@/lib/invites/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

export const GET = handler(async (_request: Request, { params }: Context) => {
  const { room } = await authorizeRoomAction("manageInvites", (await params).slug);
  return NextResponse.json({ invites: await listInvites(room.id) }, { headers: { "Cache-Control": "no-store" } });
});

export const POST = handler(async (request: Request, { params }: Context) => {
  const input = await parseJsonBody(request, createInviteSchema);
  const { actor, room } = await authorizeRoomAction("manageInvites", (await params).slug);
  const invite = await createInvite(room.id, actor, input);
  const mail = await mailInviteIfAddressed(room.id, invite.id, actor, input);
  return NextResponse.json({ invite: { ...invite, mail } }, { status: 201 });
});
