// GET /api/rooms/[slug]/meetings/[meetingId]/attendance – a past meeting's attendance as CSV; the room's owner and admins
import { handler, type RouteParams } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";
import { attendanceCsv } from "@/lib/meetings/history";

export const GET = handler(async (_request: Request, { params }: RouteParams<"slug" | "meetingId">) => {
  const { slug, meetingId } = await params;
  const { room } = await authorizeRoomAction("viewHistory", slug);
  const { filename, csv } = await attendanceCsv(room.id, meetingId);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
