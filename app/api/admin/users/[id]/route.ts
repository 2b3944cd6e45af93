import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { changeUser, userChangeSchema } from "@/lib/admin/users";
import { handler, parseJsonBody } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

export const PATCH = handler(async (request: Request, { params }: Context) => {
  const change = await parseJsonBody(request, userChangeSchema);
  const admin = await requireAdmin();
  return NextResponse.json({ user: await changeUser(admin, (await params).id, change) });
});
