// PATCH /api/rooms/[slug]/settings – who may join, guests, who waits at the door, capacity, end-to-end encryption; the room's hosts and co-hosts
import { NextResponse } from "next/server";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { roomSettingsSchema } from "@/lib/rooms/rules";
import { authorizeRoomAction } from "@/lib/rooms/guard";
import { updateRoomSettings, type RoomSettings } from "@/lib/rooms/rooms";

export type RoomSettingsResponse = { settings: RoomSettings };

export const PATCH = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  const input = await parseJsonBody(request, roomSettingsSchema);
  const { room } = await authorizeRoomAction("changeSettings", (await params).slug);
  return NextResponse.json<RoomSettingsResponse>({ settings: await updateRoomSettings(room, input) });
});
