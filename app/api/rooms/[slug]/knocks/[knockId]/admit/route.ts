// POST /api/rooms/[slug]/knocks/[knockId]/admit – let someone at the door in; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { decideKnock, type DecidedKnock } from "@/lib/door/knocks";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type AdmitKnockResponse = { knock: DecidedKnock };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug" | "knockId">) => {
  await parseJsonBody(request, emptyBody);
  const { slug, knockId } = await params;
  const { actor, room } = await authorizeRoomAction("manageDoor", slug);
  return NextResponse.json<AdmitKnockResponse>({ knock: await decideKnock(actor, room, knockId, { admit: true }) });
});
