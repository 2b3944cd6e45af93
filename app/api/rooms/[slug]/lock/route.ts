import { NextResponse } from "next/server";
import { setRoomLocked } from "@/lib/door/lock";
import { lockRoomSchema } from "@/lib/door/rules";
import { handler, parseJsonBody } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

// POST /api/rooms/[slug]/lock – { "locked": true } lets nobody new in, not even with a valid link; false opens again (hosts and co-hosts)
export const POST = handler(async (request: Request, { params }: Context) => {
  const { locked } = await parseJsonBody(request, lockRoomSchema);
  const { actor, room } = await authorizeRoomAction("lockRoom", (await params).slug);
  return NextResponse.json(await setRoomLocked(actor, room, locked));
});
