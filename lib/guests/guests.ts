import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "../db";
import { env } from "../env";
import { GUEST_COOKIE, signGuestId, verifyGuestCookie } from "./cookie";

export type GuestIdentity = { id: string; roomId: string; displayName: string; expiresAt: Date };

export function newGuestId(): string {
  return `guest_${randomBytes(12).toString("base64url")}`;
}

/** The guest this browser is, from its signed cookie, or null (also once the pass has expired: a stranger again). */
export async function currentGuest(): Promise<GuestIdentity | null> {
  const guestId = verifyGuestCookie((await cookies()).get(GUEST_COOKIE)?.value);
  if (!guestId) return null;
  return db.guest.findFirst({
    where: { id: guestId, expiresAt: { gt: new Date() } },
    select: { id: true, roomId: true, displayName: true, expiresAt: true },
  });
}

export async function rememberGuest(guest: { id: string; expiresAt: Date }): Promise<void> {
  (await cookies()).set(GUEST_COOKIE, signGuestId(guest.id), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NEXTAUTH_URL.startsWith("https://"),
    path: "/",
    maxAge: Math.max(0, Math.floor((guest.expiresAt.getTime() - Date.now()) / 1000)),
  });
}
