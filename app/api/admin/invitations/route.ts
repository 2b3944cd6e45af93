// GET  /api/admin/invitations – invitations to make an account, newest first
// POST /api/admin/invitations – invite someone by email (a single-use sign-up link, 7 days)
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/admin/guard";
import { inviteToSignUp } from "@/lib/accounts/invite-to-sign-up";
import { invitationQuerySchema, listAccountInvitations, newInvitationSchema } from "@/lib/accounts/invitations";
import { handler, parseJsonBody, parseQuery } from "@/lib/http";

export type AccountInvitationPage = Awaited<ReturnType<typeof listAccountInvitations>>;
export type NewAccountInvitation = Awaited<ReturnType<typeof inviteToSignUp>>;

export const GET = handler(async (request: Request) => {
  const query = parseQuery(request, invitationQuerySchema);
  await requireAdmin();
  return NextResponse.json<AccountInvitationPage>(await listAccountInvitations(query));
});

export const POST = handler(async (request: Request) => {
  const { email } = await parseJsonBody(request, newInvitationSchema);
  const admin = await requireAdmin();
  return NextResponse.json<NewAccountInvitation>(await inviteToSignUp(admin, email), { status: 201 });
});
