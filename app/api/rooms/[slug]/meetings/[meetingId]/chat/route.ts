// GET /api/rooms/[slug]/meetings/[meetingId]/chat – a meeting's chat as plain text; the room's owner and admins
import { handler, type RouteParams } from "@/lib/http";
import { chatTranscript } from "@/lib/in-meeting/chat";
import { authorizeRoomAction } from "@/lib/rooms/guard";

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug" | "meetingId">) => {
  const { slug, meetingId } = await params;
  const { room } = await authorizeRoomAction("viewHistory", slug);
  const { filename, text } = await chatTranscript(room.id, meetingId);
  return new Response(text, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
