// POST /api/admin/rooms/[slug]/participants/[identity]/mute – turn off someone's microphone, camera or screen share; admins (hosts do it from the meeting)
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { muteParticipant } from "@/lib/moderation/participant-actions";
import { muteSchema, type MutableSource } from "@/lib/moderation/rules";
import { findRoomBySlug } from "@/lib/rooms/rooms";

export type MuteResponse = { muted: MutableSource };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  const { source } = await parseJsonBody(request, muteSchema);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await muteParticipant(admin, await findRoomBySlug(slug), identity, source);
  return NextResponse.json<MuteResponse>({ muted: source });
});
