// POST /api/admin/rooms/[slug]/participants/[identity]/remove – take someone out of the meeting; admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { removeParticipant } from "@/lib/admin/room-actions";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";

export type RemoveParticipantResponse = { removed: true };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await removeParticipant(admin, slug, identity);
  return NextResponse.json<RemoveParticipantResponse>({ removed: true });
});
