import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { muteParticipant, muteSchema } from "@/lib/admin/room-actions";
import { handler, parseJsonBody } from "@/lib/http";

type Context = { params: Promise<{ slug: string; identity: string }> };

export const POST = handler(async (request: Request, { params }: Context) => {
  const { source } = await parseJsonBody(request, muteSchema);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await muteParticipant(admin, slug, identity, source);
  return NextResponse.json({ muted: source });
});
