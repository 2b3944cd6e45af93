import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { deleteRoom } from "@/lib/admin/room-actions";
import { handler } from "@/lib/http";

type Context = { params: Promise<{ slug: string }> };

export const DELETE = handler(async (_request: Request, { params }: Context) => {
  const admin = await requireAdmin();
  await deleteRoom(admin, (await params).slug);
  return NextResponse.json({ deleted: true });
});
