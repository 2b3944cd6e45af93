// POST /api/admin/invitations/[id]/resend – send an open invitation again, with a new link (7 more days); admins
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { inviteToSignUpAgain } from "@/lib/accounts/invite-to-sign-up";
import { emptyBody, handler, parseJsonBody, type RouteParams } from "@/lib/http";

export type ResentAccountInvitation = Awaited<ReturnType<typeof inviteToSignUpAgain>>;

export const POST = handler(async (request: Request, { params }: RouteParams<"id">) => {
  await parseJsonBody(request, emptyBody);
  const admin = await requireAdmin();
  return NextResponse.json<ResentAccountInvitation>(await inviteToSignUpAgain(admin, (await params).id));
});
