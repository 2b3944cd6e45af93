import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { handler, parseJsonBody } from "@/lib/http";
import { createRoomSchema } from "@/lib/rooms/rules";
import { createRoom, listRoomsOwnedBy } from "@/lib/rooms/rooms";

export const GET = handler(async () => {
  const user = await requireUser();
  return NextResponse.json({ rooms: await listRoomsOwnedBy(user.id) });
});

export const POST = handler(async (request: Request) => {
  const input = await parseJsonBody(request, createRoomSchema);
  const user = await requireUser();
  const room = await createRoom(user, input.name);
  return NextResponse.json({ room }, { status: 201 });
});
