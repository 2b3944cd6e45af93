// POST /api/rooms/[slug]/participants/[identity]/cohost – make someone a co-host of the room, or no longer one; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { moderatorOf, setCohost } from "@/lib/moderation/participant-actions";
import { cohostSchema } from "@/lib/moderation/rules";
import type { Standing } from "@/lib/policy";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type CohostResponse = { standing: Standing };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "identity">) => {
  const { cohost } = await parseJsonBody(request, cohostSchema);
  const { slug, identity } = await params;
  const { actor, room } = await authorizeRoomAction("appointCohosts", slug);
  return NextResponse.json<CohostResponse>(await setCohost(moderatorOf(actor), room, identity, cohost));
});
