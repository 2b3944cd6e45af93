// POST /api/rooms/[slug]/lock – { "locked": true } lets nobody new in, not even with a valid link, until { "locked": false }; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { setRoomLocked } from "@/lib/door/lock";
import { lockRoomSchema } from "@/lib/door/schemas";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type LockRoomResponse = { locked: boolean };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  const { locked } = await parseJsonBody(request, lockRoomSchema);
  const { actor, room } = await authorizeRoomAction("lockRoom", (await params).slug);
  return NextResponse.json<LockRoomResponse>(await setRoomLocked(actor, room, locked));
});
