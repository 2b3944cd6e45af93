// How long a guest pass lasts. The server checks it (lib/guests/guests.ts); the cookie's own
// lifetime only spares the browser from sending a pass that no longer works.

export const GUEST_PASS_HOURS = 24;

/** A pass issued at `issuedAt` through a link expiring at `linkExpiresAt` (null: never) ends at the sooner of the two. */
export function guestPassExpiry(issuedAt: Date, linkExpiresAt: Date | null): Date {
  const full = new Date(issuedAt.getTime() + GUEST_PASS_HOURS * 3_600_000);
  return linkExpiresAt && linkExpiresAt < full ? linkExpiresAt : full;
}
