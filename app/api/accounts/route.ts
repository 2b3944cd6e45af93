// POST /api/accounts – sign up; as far as SIGNUP allows, within the rate limits
import { NextResponse } from "next/server";
import type { SessionUser } from "@/lib/accounts/accounts";
import { signUp } from "@/lib/accounts/sign-up";
import { signUpSchema } from "@/lib/accounts/rules";
import { clientIp } from "@/lib/client-ip";
import { handler, parseJsonBody } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";

export type SignUpResponse = { user: SessionUser; confirmationSent: boolean; mustConfirm: boolean };

// The caller signs in after (unless the address must be confirmed first). Parley's own form
// uses the server action in app/(auth)/actions.ts.
export const POST = handler(async (request: Request) => {
  const input = await parseJsonBody(request, signUpSchema);
  enforceRateLimit("signUpPerIp", clientIp(request.headers));
  enforceRateLimit("signUpPerEmail", input.email);
  const { user, confirmationSent, mustConfirm } = await signUp(input);
  return NextResponse.json<SignUpResponse>(
    { user: { id: user.id, name: user.name, email: user.email, role: user.role }, confirmationSent, mustConfirm },
    { status: 201 },
  );
});
