// POST /api/admin/rooms/[slug]/participants/[identity]/mute – an admin mutes someone (as hosts do)
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { handler, parseJsonBody } from "@/lib/http";
import { muteParticipant } from "@/lib/moderation/participant-actions";
import { muteSchema } from "@/lib/moderation/rules";
import { findRoomBySlug } from "@/lib/rooms/rooms";

type Context = { params: Promise<{ slug: string; identity: string }> };

export const POST = handler(async (request: Request, { params }: Context) => {
  const { source } = await parseJsonBody(request, muteSchema);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await muteParticipant(admin, await findRoomBySlug(slug), identity, source);
  return NextResponse.json({ muted: source });
});
