// DELETE /api/rooms/[slug]/recordings/[recordingId] – delete a recording, its video and files; the room's owner, co-hosts and admins
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { deleteRecording } from "@/lib/recordings/recordings";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type DeleteRecordingResponse = { deleted: true };

export const DELETE = handler(async (request: Request, { params }: RouteParams<"slug" | "recordingId">) => {
  await parseJsonBody(request, emptyBody);
  const { slug, recordingId } = await params;
  const { actor, room } = await authorizeRoomAction("deleteRecordings", slug);
  await deleteRecording(moderatorOf(actor), room, recordingId);
  return NextResponse.json<DeleteRecordingResponse>({ deleted: true });
});
