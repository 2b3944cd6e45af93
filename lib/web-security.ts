// What every response carries and which requests are refused before any route sees them;
// proxy.ts applies it to every request.
import { AppError, MAX_BODY_BYTES, payloadTooLarge } from "./http";

type PolicyInputs = {
  nonce: string;
  /** Where browsers reach LiveKit (LIVEKIT_PUBLIC_URL), read at run time. */
  livekitPublicUrl: string;
  /** The address people open Parley at (NEXTAUTH_URL). */
  appUrl: string;
  development: boolean;
};

/**
 * Scripts run only with this response's nonce (Next.js puts it on every script it renders;
 * 'strict-dynamic' extends trust to the chunks those load), so an injected <script> or inline
 * handler does not run. Every page is rendered per request (the root layout reads the
 * session), so a fresh nonce costs nothing. Styles allow 'unsafe-inline': React and LiveKit's
 * components set style attributes, which nonces cannot cover, and a style cannot run code.
 * The browser talks to this origin and to LiveKit only: its WebSocket, and the same host
 * over http(s), which livekit-client asks why a connection failed.
 */
export function contentSecurityPolicy({ nonce, livekitPublicUrl, appUrl, development }: PolicyInputs): string {
  const livekit = new URL(livekitPublicUrl);
  const secure = livekit.protocol === "wss:" || livekit.protocol === "https:";
  const livekitSources = [
    `${secure ? "wss" : "ws"}://${livekit.host}`,
    `${secure ? "https" : "http"}://${livekit.host}`,
  ];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React uses eval() for its debugging aids in development only. 'wasm-unsafe-eval' lets pages
    // compile WebAssembly (noise suppression's RNNoise, the background effect's segmentation
    // model), and nothing else; only this origin's scripts can fetch it.
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'wasm-unsafe-eval'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["media-src", "'self'", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...livekitSources],
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (new URL(appUrl).protocol === "https:") directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // Parley links nowhere else; invite links carry their token in the path.
  "Referrer-Policy": "same-origin",
  "Permissions-Policy":
    "camera=(self), microphone=(self), display-capture=(self), fullscreen=(self), geolocation=(), payment=(), usb=()",
};

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// LiveKit calls this server to server; its signature is the check (lib/livekit/webhook.ts).
const ORIGIN_EXEMPT_PATHS = new Set(["/api/livekit/webhook"]);

type IncomingRequest = { method: string; pathname: string; headers: { get(name: string): string | null } };

/**
 * A state-changing request that a browser sent from another site (CSRF). Browsers send
 * Origin with every cross-origin POST, PUT, PATCH and DELETE (and Chromium and Firefox with
 * same-origin ones too), so a foreign or "null" Origin is refused. A request without Origin
 * did not come from a page on another site: it is curl, a script or a test, which holds no
 * visitor's cookies. Fetch metadata, where sent, must agree.
 */
export function isCrossSiteWrite({ method, pathname, headers }: IncomingRequest, appOrigin: string): boolean {
  if (!STATE_CHANGING.has(method.toUpperCase()) || ORIGIN_EXEMPT_PATHS.has(pathname)) return false;
  const origin = headers.get("origin");
  if (origin !== null) return origin !== appOrigin;
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/** Why this request is refused before it reaches a route, or null. */
export function requestRefusal(request: IncomingRequest, appOrigin: string): AppError | null {
  if (isCrossSiteWrite(request, appOrigin)) {
    return new AppError("cross_origin", "This request came from another site and was refused.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return payloadTooLarge();
  try {
    decodeURIComponent(request.pathname);
  } catch {
    return new AppError("invalid_path", "The address is not valid.");
  }
  return null;
}
