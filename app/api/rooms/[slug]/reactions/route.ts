// POST /api/rooms/[slug]/reactions – send a reaction that floats over one's tile for everyone; anyone in the meeting, rate limited
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { react } from "@/lib/in-meeting/reactions";
import { reactionSchema, type ReactionEvent } from "@/lib/in-meeting/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type ReactionResponse = { reaction: ReactionEvent };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  const { emoji } = await parseJsonBody(request, reactionSchema);
  const { slug } = await params;
  const context = await authorizeRoomAction("takePart", slug);
  return NextResponse.json<ReactionResponse>({ reaction: await react(context, emoji) });
});
