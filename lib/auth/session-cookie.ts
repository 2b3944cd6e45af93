import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { SigningInUser } from "../accounts/accounts";
import { env } from "../env";

// Parley's own forms (server actions, app/(auth)/actions.ts) sign people in without a round
// trip through next-auth's routes, which need a CSRF cookie that a page rendered without
// JavaScript cannot have. They issue the very cookie next-auth would: the same JWT (encrypted
// with AUTH_SECRET; claims name, email, sub and sv, the account's session version), name,
// options and lifetime, so lib/auth/session.ts, next-auth's renewal and sign-out treat both alike.

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export const sessionCookieName = () =>
  env().NEXTAUTH_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/** Signs `user` in on this response (server actions and route handlers only). */
export async function issueSessionCookie(
  user: Pick<SigningInUser, "id" | "name" | "email" | "sessionVersion">,
): Promise<void> {
  const token = await encode({
    token: { name: user.name, email: user.email, sub: user.id, sv: user.sessionVersion },
    secret: env().AUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().NEXTAUTH_URL.startsWith("https://"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
