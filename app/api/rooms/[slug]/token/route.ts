import { NextResponse } from "next/server";
import { handler } from "@/lib/http";
import { issueJoinCredentials } from "@/lib/meetings";
import { authorizeRoomAction } from "@/lib/rooms/guard";

type Context = { params: Promise<{ slug: string }> };

export const POST = handler(async (_request: Request, { params }: Context) => {
  const { slug } = await params;
  const { actor, room } = await authorizeRoomAction("joinMeeting", slug);
  const credentials = await issueJoinCredentials(actor, room);
  return NextResponse.json(credentials, { headers: { "Cache-Control": "no-store" } });
});
