import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { removeParticipant } from "@/lib/admin/room-actions";
import { handler } from "@/lib/http";

type Context = { params: Promise<{ slug: string; identity: string }> };

export const POST = handler(async (_request: Request, { params }: Context) => {
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await removeParticipant(admin, slug, identity);
  return NextResponse.json({ removed: true });
});
