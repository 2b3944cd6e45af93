import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Single-use links for accounts (invitations, password resets, email checks): 256 random bits
// in the link, only their SHA-256 in the database, so a dump of it opens nothing.
export const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newAccountToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashAccountToken(token) };
}
