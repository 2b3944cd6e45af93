// POST /api/rooms/[slug]/knocks/[knockId]/deny – turn someone away, with an optional message they will read; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { decideKnock, type DecidedKnock } from "@/lib/door/knocks";
import { denyKnockSchema } from "@/lib/door/schemas";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type DenyKnockResponse = { knock: DecidedKnock };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "knockId">) => {
  const { message } = await parseJsonBody(request, denyKnockSchema);
  const { slug, knockId } = await params;
  const { actor, room } = await authorizeRoomAction("manageDoor", slug);
  return NextResponse.json<DenyKnockResponse>({
    knock: await decideKnock(actor, room, knockId, { admit: false, message }),
  });
});
