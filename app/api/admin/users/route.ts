import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { listUsers, userQuerySchema } from "@/lib/admin/users";
import { handler } from "@/lib/http";

export const GET = handler(async (request: Request) => {
  await requireAdmin();
  return NextResponse.json(await listUsers(userQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))));
});
