import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { adminRoomQuerySchema, listRoomsForAdmin } from "@/lib/admin/rooms";
import { handler } from "@/lib/http";
import { reconcileIfStale } from "@/lib/live/reconcile";

// The live columns come from webhooks; a pass against LiveKit first if the last one is old.
const STALE_AFTER_MS = 10_000;

export const GET = handler(async (request: Request) => {
  await requireAdmin();
  const query = adminRoomQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await reconcileIfStale(STALE_AFTER_MS);
  return NextResponse.json(await listRoomsForAdmin(query));
});
