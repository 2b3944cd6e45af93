// GET /api/admin/rooms – one page of every room, with who is in each now; admins
import { after, NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { adminRoomQuerySchema, listRoomsForAdmin, type AdminRoomPage } from "@/lib/admin/room-list";
import { handler, parseQuery } from "@/lib/http";
import { reconcileIfStale } from "@/lib/meetings/reconcile";

// The live columns come from webhooks, repaired by a reconciliation pass every 15 s
// (instrumentation.ts). The list answers from the records without waiting for a pass (one takes
// seconds with hundreds of live rooms) and starts one afterwards if the last is old.
const STALE_AFTER_MS = 10_000;

export const GET = handler(async (request: Request) => {
  await requireAdmin();
  const query = parseQuery(request, adminRoomQuerySchema);
  after(() => reconcileIfStale(STALE_AFTER_MS));
  return NextResponse.json<AdminRoomPage>(await listRoomsForAdmin(query));
});
