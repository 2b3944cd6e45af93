// What the sign-in form says for the error code in /signin?error=<code>: next-auth's codes for
// its own routes, and Parley's codes for a refused single sign-on (app/api/sso/callback). Shared
// by the server, which picks the codes, and the form, which words them (auth.signInErrors.*).
import type { ErrorCode } from "../error-codes";

/** The code a sign-in refused by the rate limit reports (lib/auth/next-auth-requests.ts). */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

// Fixed sentences: the code comes from the address, which anyone can write.
const SSO_REFUSALS = {
  sso_state: "ssoState",
  sso_failed: "ssoFailed",
  sso_unavailable: "ssoUnavailable",
  sso_email_unverified: "ssoEmailUnverified",
  sso_no_email: "ssoNoEmail",
  sso_identity_conflict: "ssoIdentityConflict",
  account_disabled: "accountDisabled",
  signup_closed: "signupClosed",
  signup_domain: "signupDomain",
  rate_limited: "rateLimited",
  password_sign_in_off: "passwordSignInOff",
} as const satisfies Partial<Record<ErrorCode, string>>;

export type SignInErrorKey = (typeof SSO_REFUSALS)[keyof typeof SSO_REFUSALS] | "wrongCredentials" | "failed";

/** The sentence (its key under auth.signInErrors) for a code, or null when there is none. */
export function signInErrorKey(code: string | null | undefined): SignInErrorKey | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return "wrongCredentials";
  if (code === SIGN_IN_RATE_LIMITED) return "rateLimited";
  if (Object.hasOwn(SSO_REFUSALS, code)) return SSO_REFUSALS[code as keyof typeof SSO_REFUSALS];
  return "failed";
}
