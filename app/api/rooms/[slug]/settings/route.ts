import { NextResponse } from "next/server";
import { handler, parseJsonBody } from "@/lib/http";
import { roomSettingsSchema } from "@/lib/rooms/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";
import { updateRoomSettings } from "@/lib/rooms/rooms";

type Context = { params: Promise<{ slug: string }> };

export const PATCH = handler(async (request: Request, { params }: Context) => {
  const input = await parseJsonBody(request, roomSettingsSchema);
  const { room } = await authorizeRoomAction("changeSettings", (await params).slug);
  return NextResponse.json({ settings: await updateRoomSettings(room.id, input) });
});
