// Runs before every request, so no route can forget it: refuses cross-site writes and
// oversized bodies, and puts the security headers (lib/web-security.ts) on every response.
// The Content-Security-Policy is built here, per request, because it names LIVEKIT_PUBLIC_URL,
// which is run-time configuration: headers in next.config.ts are fixed by `next build`.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { errorResponse } from "./lib/http";
import { contentSecurityPolicy, requestRefusal, STATIC_SECURITY_HEADERS } from "./lib/web-security";

export function proxy(request: NextRequest) {
  const config = env();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    livekitPublicUrl: config.LIVEKIT_PUBLIC_URL,
    appUrl: config.NEXTAUTH_URL,
    development: config.NODE_ENV === "development",
  });

  const refusal = requestRefusal(
    { method: request.method, pathname: request.nextUrl.pathname, headers: request.headers },
    new URL(config.NEXTAUTH_URL).origin,
  );
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = refusal ? errorResponse(refusal) : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
