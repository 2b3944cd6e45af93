import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { connection } from "next/server";
import { findSessionUser, type SessionUser } from "../accounts/accounts";
import { env } from "../env";
import { unauthenticated } from "../http";
import { sessionCookieName } from "./session-cookie";

// next-auth's session cookie (its JWT, encrypted with AUTH_SECRET), read the way getServerSession
// reads it but without what getServerSession does on top: building next-auth's whole handler and
// re-encrypting a renewed cookie that server components and route handlers cannot send anyway.
// Renewal still happens where it can, in next-auth's own /api/auth routes.

// A decoded cookie is remembered until it expires, so each request does not decrypt it again:
// the key is the whole encrypted token, which nobody can alter without the secret. The user is
// still read from the database on every request (findSessionUser), so a disabled or deleted
// account stops working at once.
const decodedTokens = new Map<string, SessionClaims & { expiresAt: number }>();
const MAX_DECODED_TOKENS = 10_000;

/** The cookie's value, put back together when next-auth split it into chunks (name.0, name.1, ...). */
async function sessionToken(): Promise<string | null> {
  const name = sessionCookieName();
  const jar = await cookies();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((cookie) => cookie.value).join("") : null;
}

/** Who a session cookie is for, and the account's session version when it was issued. */
type SessionClaims = { userId: string; version: number };

async function sessionClaims(): Promise<SessionClaims | null> {
  const token = await sessionToken();
  if (!token) return null;
  const known = decodedTokens.get(token);
  if (known) {
    if (known.expiresAt > Date.now()) return known;
    decodedTokens.delete(token);
  }
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: env().AUTH_SECRET });
  } catch {
    return null; // not ours, tampered with, or expired
  }
  if (typeof payload?.sub !== "string" || typeof payload.exp !== "number") return null;
  // Cookies from before session versions existed carry none: version 0, every account's first.
  const claims = { userId: payload.sub, version: typeof payload.sv === "number" ? payload.sv : 0 };
  if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.clear();
  decodedTokens.set(token, { ...claims, expiresAt: payload.exp * 1000 });
  return claims;
}

/**
 * The signed-in user, read fresh from the database for each request, or null. Read once per
 * request: the layout and the page both ask (React's cache lasts one server render).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // Reading the session makes a page per-request; saying so first keeps `next build` from
  // trying to prerender it (and needing runtime secrets).
  await connection();
  const claims = await sessionClaims();
  return claims ? findSessionUser(claims.userId, claims.version) : null;
});

/** For route handlers: the signed-in user, or a 401 error. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw unauthenticated();
  return user;
}
