// POST /api/accounts/confirmation – mail a new link to confirm this address, if its account still needs one (the
// answer is the same either way); anyone, rate limited. The page /confirm-email/again does the same by server action.
import { NextResponse } from "next/server";
import { confirmationAgainSchema, requestEmailCheckAgain } from "@/lib/accounts/email-check";
import { handler, parseJsonBody } from "@/lib/http";

export type ConfirmationAgainResponse = { message: string };

export const POST = handler(async (request: Request) => {
  const { email } = await parseJsonBody(request, confirmationAgainSchema);
  requestEmailCheckAgain(request.headers, email);
  return NextResponse.json<ConfirmationAgainResponse>(
    {
      message: `If ${email} has an account whose address is not confirmed yet, a new confirmation link is on its way.`,
    },
    { status: 202 },
  );
});
