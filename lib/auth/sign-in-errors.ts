// What the sign-in form says for the error code in /signin?error=<code>: next-auth's codes for
// its own routes, and Parley's codes for a refused single sign-on (app/api/sso/callback). Shared
// by the server, which picks the codes, and the form.
import type { ErrorCode } from "../error-codes";

/** The code a sign-in refused by the rate limit reports (lib/auth/next-auth-requests.ts). */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

// Fixed sentences: the code comes from the address, which anyone can write.
const SSO_REFUSALS: Partial<Record<ErrorCode, string>> = {
  sso_state:
    "This sign-in was not started in this browser, has expired, or was already completed. Start again with the single sign-on button.",
  sso_failed: "Your organisation's sign-on provider did not confirm the sign-in. Try again.",
  sso_unavailable: "The single sign-on provider cannot be reached just now. Try again in a minute.",
  sso_email_unverified:
    "Your sign-on provider does not confirm that your email address is yours, so it cannot be used for an account that already exists here. Sign in with your password, or ask an administrator.",
  sso_no_email: "Your sign-on provider did not give Parley your email address. Ask an administrator.",
  sso_identity_conflict:
    "The account with your email address is already linked to someone else at your sign-on provider. Ask an administrator.",
  account_disabled: "This account has been disabled by an administrator.",
  signup_closed:
    "There is no account for you here yet, and this server makes accounts by invitation only. Ask an administrator to invite you.",
  signup_domain: "Accounts on this server are for other email addresses. Ask an administrator.",
  rate_limited: "Too many sign-in attempts. Wait a few minutes, then try again.",
  password_sign_in_off: "This server signs people in through single sign-on only.",
};

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return "Wrong email or password.";
  if (code === SIGN_IN_RATE_LIMITED) return "Too many sign-in attempts. Wait a few minutes, then try again.";
  if (Object.hasOwn(SSO_REFUSALS, code)) return SSO_REFUSALS[code as ErrorCode] ?? null;
  return "Signing in failed. Try again.";
}
