// GET /api/sso/callback – where the single sign-on provider sends the browser back; anyone (404 when SSO is not set up)
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { accountForSso } from "@/lib/accounts/sso-accounts";
import { issueSessionCookie } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { AppError, handler, parseQuery } from "@/lib/http";
import { logger } from "@/lib/logger";
import { finishSsoLogin, SSO_STATE_COOKIE, ssoCallbackQuerySchema } from "@/lib/sso/login";
import { requireSso } from "@/lib/sso/provider";

// A malformed callback is a 400 with the error body; a refused one (altered or replayed state,
// the provider's refusal, an account that may not sign in) goes back to the sign-in page, which
// says why (?error=<code>).
export const GET = handler(async (request: Request) => {
  const query = parseQuery(request, ssoCallbackQuerySchema);
  const settings = requireSso();
  const jar = await cookies();
  const cookieState = jar.get(SSO_STATE_COOKIE)?.value;
  jar.delete({ name: SSO_STATE_COOKIE, path: "/api/sso" });
  let next: string;
  try {
    const { claims, returnTo } = await finishSsoLogin(settings, query, cookieState);
    await issueSessionCookie(await accountForSso(settings, claims));
    next = returnTo;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger.info("sso_sign_in_refused", { code: error.code });
    next = `/signin?error=${error.code}`;
  }
  return NextResponse.redirect(new URL(next, env().NEXTAUTH_URL), 303);
});
