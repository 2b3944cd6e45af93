// POST /api/admin/rooms/[slug]/participants/[identity]/remove – an admin removes someone (as hosts do)
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { removeParticipant } from "@/lib/moderation/participant-actions";
import { findRoomBySlug } from "@/lib/rooms/rooms";

type Context = { params: Promise<{ slug: string; identity: string }> };

export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await removeParticipant(admin, await findRoomBySlug(slug), identity);
  return NextResponse.json({ removed: true });
});
