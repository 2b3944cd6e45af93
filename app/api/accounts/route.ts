import { NextResponse } from "next/server";
import { createAccount } from "@/lib/accounts/accounts";
import { signUpSchema } from "@/lib/accounts/rules";
import { handler, parseJsonBody } from "@/lib/http";

// Sign up. Anyone may create an account; the browser signs in right after.
export const POST = handler(async (request: Request) => {
  const input = await parseJsonBody(request, signUpSchema);
  const user = await createAccount(input);
  return NextResponse.json({ user: { id: user.id, name: user.name, email: user.email, role: user.role } }, { status: 201 });
});
