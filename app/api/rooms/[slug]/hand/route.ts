// POST /api/rooms/[slug]/hand – raise or lower one's own hand; anyone in the meeting
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { setOwnHand } from "@/lib/in-meeting/hands";
import { handSchema } from "@/lib/in-meeting/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";

/** `raisedAt`: when the hand went up (milliseconds since 1970), null when it is down. */
export type HandResponse = { raisedAt: number | null };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  const { raised } = await parseJsonBody(request, handSchema);
  const { slug } = await params;
  const context = await authorizeRoomAction("takePart", slug);
  return NextResponse.json<HandResponse>({ raisedAt: await setOwnHand(context, raised) });
});
