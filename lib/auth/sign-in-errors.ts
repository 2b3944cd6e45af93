// What the sign-in form says for the error code next-auth's signIn() reports. Shared by the
// server, which picks the codes, and the form.

/** The code a sign-in refused by the rate limit reports (lib/auth/next-auth-requests.ts). */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return "Wrong email or password.";
  if (code === SIGN_IN_RATE_LIMITED) return "Too many sign-in attempts. Wait a few minutes, then try again.";
  return "Signing in failed. Try again.";
}
