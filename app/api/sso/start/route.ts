// GET /api/sso/start – begin single sign-on: off to the provider's sign-in page; anyone (404 when SSO is not set up)
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { handler, parseQuery } from "@/lib/http";
import { enforceRateLimit } from "@/lib/rate-limit";
import {
  SSO_STATE_COOKIE,
  SSO_STATE_COOKIE_MAX_AGE_SECONDS,
  ssoStartQuerySchema,
  startSsoLogin,
} from "@/lib/sso/login";
import { requireSso } from "@/lib/sso/provider";

// A plain link, not a form: the page's Content-Security-Policy (form-action 'self') would stop
// a form's redirect to another site, and starting a sign-in changes nothing until it completes.
export const GET = handler(async (request: Request) => {
  const { callbackUrl } = parseQuery(request, ssoStartQuerySchema);
  const settings = requireSso();
  enforceRateLimit("signInPerIp", clientIp(request.headers));
  const { url, state } = await startSsoLogin(settings, callbackUrl);
  (await cookies()).set(SSO_STATE_COOKIE, state, {
    httpOnly: true,
    // Lax: sent when the provider sends the browser back (a top-level GET from its site).
    sameSite: "lax",
    path: "/api/sso",
    secure: env().NEXTAUTH_URL.startsWith("https://"),
    maxAge: SSO_STATE_COOKIE_MAX_AGE_SECONDS,
  });
  return NextResponse.redirect(url, 303);
});
