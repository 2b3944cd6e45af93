import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "../db";
import { env } from "../env";
import { GUEST_COOKIE, GUEST_COOKIE_MAX_AGE_SECONDS, signGuestId, verifyGuestCookie } from "./cookie";

export type GuestIdentity = { id: string; roomId: string; displayName: string };

export function newGuestId(): string {
  return `guest_${randomBytes(12).toString("base64url")}`;
}

/** The guest this browser is, from its signed cookie, or null. */
export async function currentGuest(): Promise<GuestIdentity | null> {
  const guestId = verifyGuestCookie((await cookies()).get(GUEST_COOKIE)?.value);
  if (!guestId) return null;
  return db.guest.findUnique({ where: { id: guestId }, select: { id: true, roomId: true, displayName: true } });
}

export async function rememberGuest(guestId: string): Promise<void> {
  (await cookies()).set(GUEST_COOKIE, signGuestId(guestId), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NEXTAUTH_URL.startsWith("https://"),
    path: "/",
    maxAge: GUEST_COOKIE_MAX_AGE_SECONDS,
  });
}
