import "server-only";
import { timingSafeEqual } from "node:crypto";
import { hmac } from "../secrets";

// A guest's identity: "<guest id>.<HMAC of it>", in an http-only cookie, so a reload keeps it.
// It lives as long as the pass it names (lib/guests/pass.ts).
export const GUEST_COOKIE = "parley_guest";

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
