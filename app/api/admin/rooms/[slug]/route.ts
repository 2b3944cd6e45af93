// DELETE /api/admin/rooms/[slug] – delete a room with its links and history; admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { deleteRoom } from "@/lib/admin/room-actions";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";

export type DeleteRoomResponse = { deleted: true };

export const DELETE = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  await deleteRoom(admin, (await params).slug);
  return NextResponse.json<DeleteRoomResponse>({ deleted: true });
});
