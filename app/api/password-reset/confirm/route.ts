// POST /api/password-reset/confirm – set a new password with a reset link's token; every
// session of the account ends.
import { NextResponse } from "next/server";
import { resetPassword, resetSchema } from "@/lib/accounts/password-reset";
import { handler, parseJsonBody } from "@/lib/http";

export const POST = handler(async (request: Request) => {
  const { token, password } = await parseJsonBody(request, resetSchema);
  await resetPassword(token, password);
  return NextResponse.json({ ok: true });
});
