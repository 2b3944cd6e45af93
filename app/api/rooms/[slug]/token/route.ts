// POST /api/rooms/[slug]/token – join credentials; members and guests the room admits
import { NextResponse } from "next/server";
import { actorIdentity, requireActor } from "@/lib/auth/actor";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { issueJoinCredentials, type JoinCredentials } from "@/lib/meetings/join-credentials";
import { enforceRateLimit } from "@/lib/rate-limit";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const actor = await requireActor();
  // Counted before the room is looked up, so guessing meeting codes is limited too.
  enforceRateLimit("joinPerCaller", actorIdentity(actor));
  const credentials = await issueJoinCredentials(await authorizeRoomAction("joinMeeting", (await params).slug, actor));
  return NextResponse.json<JoinCredentials>(credentials, { headers: { "Cache-Control": "no-store" } });
});
