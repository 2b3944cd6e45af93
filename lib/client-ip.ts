import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { env } from "./env";

// Who is at the other end, for rate limits. Next.js gives route handlers no socket; it fills
// in X-Forwarded-For from the socket only when the client sent none, so that header alone
// would let anyone pick their own address. The socket's address is therefore stamped on each
// request as it arrives (installPeerAddressHeader), overwriting anything a client sends under
// that name, and X-Forwarded-For is believed only as far as TRUST_PROXY says.

export const PEER_ADDRESS_HEADER = "x-parley-peer-address";

let installed = false;

/** Called once at server start (instrumentation.ts). */
export function installPeerAddressHeader(): void {
  if (installed) return;
  installed = true;
  // Node publishes every incoming request here before the server's "request" listeners run.
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
  });
}

type HeaderSource = { get(name: string): string | null };

/**
 * The caller's address: the connection's peer, or with TRUST_PROXY = n, the address the n-th
 * proxy from us saw (each proxy appends its peer to X-Forwarded-For; what the client wrote
 * in front of those is ignored). IPv6 addresses count by their /64, which one machine usually has.
 */
export function clientIp(headers: HeaderSource, trustedProxies = env().TRUST_PROXY): string {
  const peer = normalize(headers.get(PEER_ADDRESS_HEADER) ?? "") ?? "unknown";
  if (trustedProxies === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (forwarded.length === 0) return peer;
  const chosen = forwarded[Math.max(0, forwarded.length - trustedProxies)]!;
  return normalize(chosen) ?? peer;
}

function normalize(address: string): string | null {
  // Some proxies write "1.2.3.4:5678" or "[2001:db8::1]:5678"; the port is not the caller.
  const bare = address
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/^\[(.*)\](:\d+)?$/, "$1")
    .replace(/%.*$/, "");
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) !== 6) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  return `${expandIpv6(bare).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
