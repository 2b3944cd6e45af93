// POST /api/admin/rooms/[slug]/participants/[identity]/remove – take someone out of the meeting, until let back in; admins (hosts do it from the meeting)
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { removeParticipant } from "@/lib/moderation/participant-actions";
import { findRoomBySlug } from "@/lib/rooms/rooms";

export type RemoveParticipantResponse = { removed: true };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await removeParticipant(admin, await findRoomBySlug(slug), identity);
  return NextResponse.json<RemoveParticipantResponse>({ removed: true });
});
