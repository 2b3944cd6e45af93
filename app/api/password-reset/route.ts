// POST /api/password-reset – mail a reset link to this address if it has an account (the
// answer is the same either way). The "Forgot password?" page does the same by server action.
import { NextResponse } from "next/server";
import { requestPasswordReset, resetRequestSchema, RESET_LIFETIME_MINUTES } from "@/lib/accounts/password-reset";
import { handler, parseJsonBody } from "@/lib/http";

export const POST = handler(async (request: Request) => {
  const { email } = await parseJsonBody(request, resetRequestSchema);
  requestPasswordReset(request.headers, email);
  return NextResponse.json(
    {
      message: `If there is an account for ${email}, a reset link is on its way. It works once, for ${RESET_LIFETIME_MINUTES} minutes.`,
    },
    { status: 202 },
  );
});
