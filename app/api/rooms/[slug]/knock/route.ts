// POST, GET, DELETE /api/rooms/[slug]/knock – knock at the room's door, ask how the knock stands, stop waiting; whoever the room admits (docs/waiting-room.md)
import { NextResponse } from "next/server";
import { actorIdentity, requireActor } from "@/lib/auth/actor";
import { knock, reportAtDoor, withdrawKnock, type KnockAnswer, type KnockState } from "@/lib/door/knocks";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";
import { authorizeRoomAction } from "@/lib/rooms/guard";

/** In after all, or a place at the door and a token to show one's camera there. */
export type KnockResponse = KnockAnswer;
/** The caller's knock: waiting (is a host here?), admitted, denied (with the host's message) or withdrawn. */
export type KnockStateResponse = KnockState;
export type WithdrawKnockResponse = { status: "withdrawn" };

const noStore = { "Cache-Control": "no-store" };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const actor = await requireActor();
  // Knocking hands out a LiveKit token, as joining does: counted the same way.
  enforceRateLimit("joinPerCaller", actorIdentity(actor));
  const answer = await knock(await authorizeRoomAction("joinMeeting", (await params).slug, actor));
  return NextResponse.json<KnockResponse>(answer, { headers: noStore });
});

// The knocker's waiting screen asks every second; each ask is also their sign of life.
export const GET = handler(async (_request: Request, { params }: RouteParams<"slug">) => {
  const state = await reportAtDoor(await authorizeRoomAction("joinMeeting", (await params).slug));
  return NextResponse.json<KnockStateResponse>(state, { headers: noStore });
});

export const DELETE = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  return NextResponse.json<WithdrawKnockResponse>(
    await withdrawKnock(await authorizeRoomAction("joinMeeting", (await params).slug)),
  );
});
