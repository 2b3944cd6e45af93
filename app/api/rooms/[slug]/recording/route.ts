// POST, DELETE /api/rooms/[slug]/recording – start, stop recording the meeting; the room's hosts and co-hosts, admins
import { NextResponse } from "next/server";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { startRecording, stopRecording } from "@/lib/recordings/recordings";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export type StartRecordingResponse = { recording: { id: string; startedByName: string } };
export type StopRecordingResponse = { stopped: true };

export const POST = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("recordMeeting", (await params).slug);
  const recording = await startRecording(moderatorOf(actor), room);
  return NextResponse.json<StartRecordingResponse>(
    { recording: { id: recording.id, startedByName: recording.startedByName } },
    { status: 201 },
  );
});

export const DELETE = handler(async (request: Request, { params }: RouteParams<"slug">) => {
  await parseJsonBody(request, emptyBody);
  const { actor, room } = await authorizeRoomAction("recordMeeting", (await params).slug);
  await stopRecording(moderatorOf(actor), room);
  return NextResponse.json<StopRecordingResponse>({ stopped: true });
});
