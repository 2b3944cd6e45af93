import { NextResponse } from "next/server";
import { admitEveryone } from "@/lib/door/knocks";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

// POST /api/rooms/[slug]/knocks/admit-all – let in everyone at the door now (hosts and co-hosts)
export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("manageDoor", (await params).slug);
  return NextResponse.json(await admitEveryone(actor, room));
});
