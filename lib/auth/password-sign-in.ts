import "server-only";
import { authenticate, type SigningInUser } from "../accounts/accounts";
import { emailSchema, signInSchema } from "../accounts/rules";
import { clientIp } from "../client-ip";
import { emailConfirmationRequired } from "../accounts/email-check";
import { env } from "../env";
import { AppError } from "../http";
import { enforceRateLimit } from "../rate-limit";

type HeaderSource = { get(name: string): string | null };

/** PASSWORD_SIGN_IN=off: every password form and route refuses with 403 password_sign_in_off. */
export function refuseWhenPasswordsOff(): void {
  if (env().PASSWORD_SIGN_IN === "off")
    throw new AppError(
      "password_sign_in_off",
      "This server signs people in through single sign-on only: use the single sign-on button on the sign-in page.",
    );
}

/**
 * Counts one sign-in attempt against the limits per address and per account (429 AppError
 * when spent). next-auth's credentials route and Parley's sign-in form both count here.
 */
export function countSignInAttempt(headers: HeaderSource, email: unknown): void {
  enforceRateLimit("signInPerIp", clientIp(headers));
  const parsed = emailSchema.safeParse(email);
  if (parsed.success) enforceRateLimit("signInPerEmail", parsed.data);
}

/**
 * The account when email and password match, else null; the attempt is counted first, and a
 * malformed email or empty password is a 400 AppError saying what to fix.
 */
export async function signInWithPassword(
  headers: HeaderSource,
  email: string,
  password: string,
): Promise<SigningInUser | null> {
  refuseWhenPasswordsOff();
  countSignInAttempt(headers, email);
  const input = signInSchema.safeParse({ email, password });
  if (!input.success) {
    const emailProblem = emailSchema.safeParse(email);
    throw new AppError(
      "invalid_request",
      emailProblem.success
        ? "Enter your password."
        : (emailProblem.error.issues[0]?.message ?? "Check your email address."),
    );
  }
  const user = await authenticate(input.data.email, input.data.password);
  if (user && !user.emailConfirmed && emailConfirmationRequired()) {
    throw new AppError(
      "email_unconfirmed",
      "Confirm your email address first: open the link we mailed you when you signed up.",
    );
  }
  return user;
}
