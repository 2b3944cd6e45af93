import { NextResponse } from "next/server";
import { signUp } from "@/lib/accounts/sign-up";
import { signUpSchema } from "@/lib/accounts/rules";
import { clientIp } from "@/lib/client-ip";
import { handler, parseJsonBody } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";

// POST /api/accounts – sign up, as far as SIGNUP allows (and within the rate limits); the
// caller signs in after. Parley's own form uses the server action in app/(auth)/actions.ts.
export const POST = handler(async (request: Request) => {
  const input = await parseJsonBody(request, signUpSchema);
  enforceRateLimit("signUpPerIp", clientIp(request.headers));
  enforceRateLimit("signUpPerEmail", input.email);
  const { user, confirmationSent, mustConfirm } = await signUp(input);
  return NextResponse.json({ user: { id: user.id, name: user.name, email: user.email, role: user.role }, confirmationSent, mustConfirm }, { status: 201 });
});
