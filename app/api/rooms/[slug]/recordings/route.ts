// GET /api/rooms/[slug]/recordings – the room's recordings, newest first; the room's owner, co-hosts and admins
import { NextResponse } from "next/server";
import { handler, type RouteParams } from "@/lib/http";
import { listRecordings, type RecordingListing } from "@/lib/recordings/recordings";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type RecordingsResponse = { recordings: RecordingListing[] };

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug">) => {
  const { room } = await authorizeRoomAction("watchRecordings", (await params).slug);
  return NextResponse.json<RecordingsResponse>(
    { recordings: await listRecordings(room.id) },
    { headers: { "cache-control": "no-store" } },
  );
});
