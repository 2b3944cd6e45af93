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
const decodedTokens = new Map<string, { userId: string; expiresAt: number }>();
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

async function sessionUserId(): Promise<string | null> {
  const token = await sessionToken();
  if (!token) return null;
  const known = decodedTokens.get(token);
  if (known) {
    if (known.expiresAt > Date.now()) return known.userId;
    decodedTokens.delete(token);
  }
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: env().AUTH_SECRET });
  } catch {
    return null; // not ours, tampered with, or expired
  }
  if (typeof payload?.sub !== "string" || typeof payload.exp !== "number") return null;
  if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.clear();
  decodedTokens.set(token, { userId: payload.sub, expiresAt: payload.exp * 1000 });
  return payload.sub;
}

/**
 * The signed-in user, read fresh from the database for each request, or null. Read once per
 * request: the layout and the page both ask (React's cache lasts one server render).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // Reading the session makes a page per-request; saying so first keeps `next build` from
  // trying to prerender it (and needing runtime secrets).
  await connection();
  const id = await sessionUserId();
  return id ? findSessionUser(id) : null;
});

/** For route handlers: the signed-in user, or a 401 error. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw unauthenticated();
  return user;
}
