import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { reopenRoom } from "@/lib/admin/room-actions";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";

type Context = { params: Promise<{ slug: string }> };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  await reopenRoom(admin, (await params).slug);
  return NextResponse.json({ reopened: true });
});
