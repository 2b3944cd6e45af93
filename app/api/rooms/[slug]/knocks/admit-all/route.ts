// POST /api/rooms/[slug]/knocks/admit-all – let in everyone at the door now; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { admitEveryone } from "@/lib/door/knocks";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type AdmitAllResponse = { admitted: number };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("manageDoor", (await params).slug);
  return NextResponse.json<AdmitAllResponse>(await admitEveryone(actor, room));
});
