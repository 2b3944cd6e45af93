// POST /api/admin/rooms/[slug]/participants/[identity]/mute – turn off someone's microphone or camera; admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { muteParticipant, muteSchema } from "@/lib/admin/room-actions";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";

export type MuteResponse = { muted: "microphone" | "camera" };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  const { source } = await parseJsonBody(request, muteSchema);
  const admin = await requireAdmin();
  const { slug, identity } = await params;
  await muteParticipant(admin, slug, identity, source);
  return NextResponse.json<MuteResponse>({ muted: source });
});
