import { handler } from "@/lib/http";
import { authorizeRoomAction } from "@/lib/rooms/guard";
import { attendanceCsv } from "@/lib/meetings/history";

type Context = { params: Promise<{ slug: string; meetingId: string }> };

/** A meeting's attendance as a CSV download, for the room's owner and admins. */
export const GET = handler(async (_request: Request, { params }: Context) => {
  const { slug, meetingId } = await params;
  const { room } = await authorizeRoomAction("viewHistory", slug);
  const { filename, csv } = await attendanceCsv(room.id, meetingId);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
