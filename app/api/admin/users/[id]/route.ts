// PATCH /api/admin/users/[id] – promote, demote, disable or enable an account; admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { changeUser, userChangeSchema, type ChangedUser } from "@/lib/admin/users";
import { handler, parseJsonBody, type RouteParams } from "@/lib/http";

export type UserChangeResponse = { user: ChangedUser };

export const PATCH = handler(async (request: Request, { params }: RouteParams<"id">) => {
  const change = await parseJsonBody(request, userChangeSchema);
  const admin = await requireAdmin();
  return NextResponse.json<UserChangeResponse>({ user: await changeUser(admin, (await params).id, change) });
});
