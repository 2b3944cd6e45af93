import { NextResponse } from "next/server";
import { auditQuerySchema, listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { handler } from "@/lib/http";

export const GET = handler(async (request: Request) => {
  await requireAdmin();
  return NextResponse.json(await listAudit(auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))));
});
