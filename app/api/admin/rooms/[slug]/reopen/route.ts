// POST /api/admin/rooms/[slug]/reopen – let people join a closed room again; admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { reopenRoom } from "@/lib/admin/room-actions";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";

export type ReopenRoomResponse = { reopened: true };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  await reopenRoom(admin, (await params).slug);
  return NextResponse.json<ReopenRoomResponse>({ reopened: true });
});
