import { NextResponse } from "next/server";
import { actorIdentity, requireActor } from "@/lib/auth/actor";
import { knock, reportAtDoor, withdrawKnock } from "@/lib/door/knocks";
import { emptyBody, handler, parseJsonBody } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";
import { authorizeRoomAction } from "@/lib/rooms/guard";

// The caller's own knock at the room's door (docs/waiting-room.md).
type Context = { params: Promise<{ slug: string }> };

const noStore = { "Cache-Control": "no-store" };

// POST /api/rooms/[slug]/knock – knock (or find the door open), and get a token to show one's camera at the door
export const POST = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  const actor = await requireActor();
  // Knocking hands out a LiveKit token, as joining does: counted the same way.
  enforceRateLimit("joinPerCaller", actorIdentity(actor));
  return NextResponse.json(await knock(await authorizeRoomAction("joinMeeting", (await params).slug, actor)), { headers: noStore });
});

// GET /api/rooms/[slug]/knock – how the caller's knock stands (their waiting screen asks every second)
export const GET = handler(async (_request: Request, { params }: Context) => {
  return NextResponse.json(await reportAtDoor(await authorizeRoomAction("joinMeeting", (await params).slug)), { headers: noStore });
});

// DELETE /api/rooms/[slug]/knock – stop waiting
export const DELETE = handler(async (request: Request, { params }: Context) => {
  await parseJsonBody(request, emptyBody);
  return NextResponse.json(await withdrawKnock(await authorizeRoomAction("joinMeeting", (await params).slug)));
});
