// GET /api/rooms/[slug]/recordings/[recordingId]/video – a composed recording (MP4, byte ranges; ?download=1 to save it); the room's owner, co-hosts and admins
import { z } from "zod";
import { handler, parseQuery, type RouteParams } from "@/lib/http";
import { moderatorOf } from "@/lib/moderation/participant-actions";
import { recordingVideo } from "@/lib/recordings/video";
import { auditWatching, readyRecording } from "@/lib/recordings/recordings";
import { authorizeRoomAction } from "@/lib/rooms/guard";

const querySchema = z.object({ download: z.literal("1").optional() }).strict();

export const GET = handler(async (request: Request, { params }: RouteParams<"slug" | "recordingId">) => {
  const { download } = parseQuery(request, querySchema);
  const { slug, recordingId } = await params;
  const { actor, room } = await authorizeRoomAction("watchRecordings", slug);
  const recording = await readyRecording(room.id, recordingId);
  const video = await recordingVideo(recording, room.name, request.headers.get("range"), Boolean(download));
  // Counted once per viewing: a player asks for many ranges, the first from byte 0.
  if (video.fromStart) await auditWatching(moderatorOf(actor), room, recording.id, Boolean(download));
  return video.response;
});
