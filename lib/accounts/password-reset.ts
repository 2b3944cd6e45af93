import "server-only";
import { z } from "zod";
import { clientIp } from "../client-ip";
import { db } from "../db";
import { env } from "../env";
import { AppError, notFound } from "../http";
import { logger } from "../logger";
import { isLocale, type Locale } from "../i18n/locales";
import { requestLocaleIfAny } from "../i18n/request";
import { passwordResetMessage } from "../mail/messages";
import { mailConfigured, sendMail } from "../mail/send";
import { enforceRateLimit } from "../rate-limit";
import { refuseWhenPasswordsOff } from "../auth/password-sign-in";
import { hashPassword } from "./password";
import { emailSchema, passwordSchema } from "./rules";
import { ACCOUNT_TOKEN_PATTERN, hashAccountToken, newAccountToken } from "./tokens";

// "Forgot password?": a single-use link by mail, valid 30 minutes, only its hash stored. The
// answer is the same whether or not the address has an account, and a reset ends every
// session of the account (its sessionVersion moves on).

export const RESET_LIFETIME_MINUTES = 30;
const PURPOSE = "password_reset";

export const resetRequestSchema = z.object({ email: emailSchema }).strict();
export const resetTokenSchema = z
  .string()
  .regex(ACCOUNT_TOKEN_PATTERN, { message: "That reset link is not valid. Check that you copied all of it." });
export const resetSchema = z.object({ token: resetTokenSchema, password: passwordSchema }).strict();

const resetLink = (token: string) => `${env().NEXTAUTH_URL.replace(/\/$/, "")}/reset-password?token=${token}`;

type HeaderSource = { get(name: string): string | null };

/**
 * Mails a reset link when `email` has an account. Returns as soon as the request is counted,
 * before looking the address up, so neither the answer nor its timing tells whether it has one.
 */
export function requestPasswordReset(headers: HeaderSource, email: string): void {
  refuseWhenPasswordsOff();
  if (!mailConfigured())
    throw new AppError(
      "mail_unavailable",
      "This server cannot send mail, so it cannot send you a reset link. Ask an administrator for help.",
    );
  enforceRateLimit("passwordResetPerIp", clientIp(headers));
  enforceRateLimit("passwordResetPerEmail", email);
  // The language is read now, while the request is still being answered.
  void requestLocaleIfAny()
    .then((locale) => mailResetLink(email, locale))
    .catch((error: unknown) =>
      logger.error("password_reset_mail_failed", { error: error instanceof Error ? error.message : String(error) }),
    );
}

async function mailResetLink(email: string, requestedIn: Locale): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true, locale: true } });
  if (!user || user.disabledAt) return;
  const { token, tokenHash } = newAccountToken();
  await db.accountToken.create({
    data: {
      userId: user.id,
      purpose: PURPOSE,
      tokenHash,
      expiresAt: new Date(Date.now() + RESET_LIFETIME_MINUTES * 60_000),
    },
  });
  const outcome = await sendMail({
    to: email,
    // The owner's own choice of language, if they made one, over the language of whoever asked.
    ...passwordResetMessage(isLocale(user.locale) ? user.locale : requestedIn, {
      link: resetLink(token),
      minutes: RESET_LIFETIME_MINUTES,
    }),
  });
  if (!outcome.sent) logger.warn("password_reset_mail_refused", { reason: outcome.error });
}

function refuseUnusable(row: { usedAt: Date | null; expiresAt: Date; purpose: string } | null, now: Date): void {
  if (!row || row.purpose !== PURPOSE) throw notFound("That reset link");
  if (row.usedAt)
    throw new AppError("reset_used", "This reset link has already been used. Ask for a new one if you still need it.");
  if (row.expiresAt <= now)
    throw new AppError(
      "reset_expired",
      `This reset link has expired (they work for ${RESET_LIFETIME_MINUTES} minutes). Ask for a new one.`,
    );
}

/** The address a reset link is for, if it can still be used; else the 404 or 410 saying why. */
export async function findUsableReset(token: string): Promise<{ email: string }> {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { usedAt: true, expiresAt: true, purpose: true, user: { select: { email: true } } },
  });
  refuseUnusable(row, new Date());
  return { email: row!.user.email };
}

/** Sets the new password, spends the link (and any other open one) and ends every session. */
export async function resetPassword(token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const row = await tx.accountToken.findUnique({
      where: { tokenHash: hashAccountToken(token) },
      select: { id: true, userId: true, usedAt: true, expiresAt: true, purpose: true },
    });
    refuseUnusable(row, now);
    const spent = await tx.accountToken.updateMany({ where: { id: row!.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw new AppError("reset_used", "This reset link has already been used.");
    await tx.accountToken.updateMany({
      where: { userId: row!.userId, purpose: PURPOSE, usedAt: null },
      data: { usedAt: now },
    });
    const user = await tx.user.update({
      where: { id: row!.userId },
      // the link came to this address, so it is the owner's
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: now },
      select: { email: true },
    });
    return user;
  });
}
