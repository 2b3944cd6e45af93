import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hmac } from "../secrets";

// Tokens are HMAC-SHA256(secret key, 128-bit random nonce): 43 base64url characters. The
// database keeps the nonce and SHA-256(token); without AUTH_SECRET neither yields a link.
const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function inviteTokenFor(nonce: string): string {
  return hmac("invite-link", nonce);
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInviteToken(): { nonce: string; token: string; tokenHash: string } {
  const nonce = randomBytes(16).toString("base64url");
  const token = inviteTokenFor(nonce);
  return { nonce, token, tokenHash: hashInviteToken(token) };
}

export function isInviteToken(value: string): boolean {
  return INVITE_TOKEN_PATTERN.test(value);
}
