// GET /api/admin/audit – one page of the audit log; admins
import { NextResponse } from "next/server";
import { auditQuerySchema, listAudit, type AuditPage } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { handler, parseQuery } from "@/lib/http";

export const GET = handler(async (request: Request) => {
  await requireAdmin();
  return NextResponse.json<AuditPage>(await listAudit(parseQuery(request, auditQuerySchema)));
});
