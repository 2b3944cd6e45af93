import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { deleteRoom } from "@/lib/admin/room-actions";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";

type Context = { params: Promise<{ slug: string }> };

export const DELETE = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  await deleteRoom(admin, (await params).slug);
  return NextResponse.json({ deleted: true });
});
