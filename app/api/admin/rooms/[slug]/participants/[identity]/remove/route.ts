import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { removeParticipant } from "@/lib/admin/room-actions";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";

type Context = { params: Promise<{ slug: string; identity: string }> };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await removeParticipant(admin, slug, identity);
  return NextResponse.json({ removed: true });
});
