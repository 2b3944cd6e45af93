import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "./env";

const keys = new Map<string, Buffer>();

/** A key for one purpose, derived from AUTH_SECRET, so no two features share a key. */
function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "parley", purpose, 32));
    keys.set(purpose, key);
  }
  return key;
}

export function hmac(purpose: string, message: string): string {
  return createHmac("sha256", keyFor(purpose)).update(message).digest("base64url");
}
