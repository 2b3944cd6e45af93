// GET, POST /api/rooms – list my rooms, start a new one; signed-in members
import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { handler, parseJsonBody } from "@/lib/http";
import { createRoomSchema } from "@/lib/rooms/rules";
import { createRoom, listRoomsOwnedBy, type RoomSummary } from "@/lib/rooms/rooms";

export type RoomListResponse = { rooms: RoomSummary[] };
export type CreateRoomResponse = { room: RoomSummary };

export const GET = handler(async () => {
  const user = await requireUser();
  return NextResponse.json<RoomListResponse>({ rooms: await listRoomsOwnedBy(user.id) });
});

export const POST = handler(async (request: Request) => {
  const input = await parseJsonBody(request, createRoomSchema);
  const user = await requireUser();
  const room = await createRoom(user, input.name);
  return NextResponse.json<CreateRoomResponse>({ room }, { status: 201 });
});
