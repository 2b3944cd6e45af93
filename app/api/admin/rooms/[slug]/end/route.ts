// POST /api/admin/rooms/[slug]/end – end the meeting for everyone and close the room; admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { endRoom, type EndedRoom } from "@/lib/admin/room-actions";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  return NextResponse.json<EndedRoom>(await endRoom(admin, (await params).slug));
});
