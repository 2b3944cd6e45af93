import "server-only";
import { timingSafeEqual } from "node:crypto";
import { hmac } from "../secrets";

// A guest's identity: "<guest id>.<HMAC of it>", in an http-only cookie, so a reload keeps it.
export const GUEST_COOKIE = "parley_guest";
export const GUEST_COOKIE_MAX_AGE_SECONDS = 24 * 60 * 60;

export function signGuestId(guestId: string): string {
  return `${guestId}.${hmac("guest-cookie", guestId)}`;
}

export function verifyGuestCookie(value: string | undefined): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const guestId = value.slice(0, dot);
  const expected = Buffer.from(hmac("guest-cookie", guestId));
  const given = Buffer.from(value.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? guestId : null;
}
