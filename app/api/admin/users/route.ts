// GET /api/admin/users – one page of the accounts on this server; admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { listUsers, userQuerySchema, type AdminUserPage } from "@/lib/admin/users";
import { handler, parseQuery } from "@/lib/http";

export const GET = handler(async (request: Request) => {
  await requireAdmin();
  return NextResponse.json<AdminUserPage>(await listUsers(parseQuery(request, userQuerySchema)));
});
