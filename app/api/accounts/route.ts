// POST /api/accounts – sign up; anyone, within the rate limits
import { NextResponse } from "next/server";
import { createAccount, type SessionUser } from "@/lib/accounts/accounts";
import { signUpSchema } from "@/lib/accounts/rules";
import { clientIp } from "@/lib/client-ip";
import { handler, parseJsonBody } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";

export type SignUpResponse = { user: SessionUser };

// The browser signs in right after.
export const POST = handler(async (request: Request) => {
  const input = await parseJsonBody(request, signUpSchema);
  enforceRateLimit("signUpPerIp", clientIp(request.headers));
  enforceRateLimit("signUpPerEmail", input.email);
  const user = await createAccount(input);
  return NextResponse.json<SignUpResponse>({ user: { id: user.id, name: user.name, email: user.email, role: user.role } }, { status: 201 });
});
