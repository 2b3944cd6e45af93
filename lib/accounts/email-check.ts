import "server-only";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { AppError, notFound } from "../http";
import { logger } from "../logger";
import { requestLocaleIfAny } from "../i18n/request";
import { emailCheckMessage } from "../mail/messages";
import { mailConfigured, sendMail } from "../mail/send";
import { clientIp } from "../client-ip";
import { enforceRateLimit } from "../rate-limit";
import { emailSchema } from "./rules";
import { ACCOUNT_TOKEN_PATTERN, hashAccountToken, newAccountToken } from "./tokens";

// Confirming that a password account's address is its owner's: a single-use link by mail
// (24 hours, only its hash stored), confirmed with a button on the page it opens (a POST, so a
// mail scanner that follows links confirms nothing). With SIGNUP=domains the address is what
// grants the account, so there an unconfirmed account cannot sign in (the first account of a
// fresh server excepted).

const PURPOSE = "email_check";
const LIFETIME_MS = 24 * 60 * 60 * 1000;

export const emailCheckTokenSchema = z
  .string()
  .regex(ACCOUNT_TOKEN_PATTERN, { message: "That confirmation link is not valid." });

/** Whether an unconfirmed password account is kept from signing in. */
export function emailConfirmationRequired(): boolean {
  return env().SIGNUP === "domains" && mailConfigured();
}

/** Mails a confirmation link to the account's address (when Parley can send mail). */
export async function mailEmailCheck(userId: string): Promise<boolean> {
  if (!mailConfigured()) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!user || user.emailVerified) return false;
  const { token, tokenHash } = newAccountToken();
  await db.accountToken.create({
    data: { userId, purpose: PURPOSE, tokenHash, expiresAt: new Date(Date.now() + LIFETIME_MS) },
  });
  const outcome = await sendMail({
    to: user.email,
    // In the language of the page the person signed up or asked again on.
    ...emailCheckMessage(await requestLocaleIfAny(), {
      link: `${env().NEXTAUTH_URL.replace(/\/$/, "")}/confirm-email?token=${token}`,
    }),
  });
  if (!outcome.sent) logger.warn("email_check_mail_refused", { reason: outcome.error });
  return outcome.sent;
}

export const confirmationAgainSchema = z.object({ email: emailSchema }).strict();

type HeaderSource = { get(name: string): string | null };

/**
 * "Send the link again": a fresh confirmation link for the account at `email`, if it has a
 * password and its address is still unconfirmed (earlier links keep working until they
 * expire). Counted per network and per address; answers the same whether or not there is
 * such an account, and before looking it up.
 */
export function requestEmailCheckAgain(headers: HeaderSource, email: string): void {
  if (!mailConfigured())
    throw new AppError("mail_unavailable", "This server cannot send mail, so it cannot send a confirmation link.");
  enforceRateLimit("confirmationMailPerIp", clientIp(headers));
  enforceRateLimit("confirmationMailPerEmail", email);
  void (async () => {
    const user = await db.user.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, disabledAt: true, emailVerified: true },
    });
    if (user?.passwordHash && !user.disabledAt && !user.emailVerified) await mailEmailCheck(user.id);
  })().catch((error: unknown) =>
    logger.error("email_check_mail_failed", { error: error instanceof Error ? error.message : String(error) }),
  );
}

/** Confirms the address the link was mailed to; the 404 or 410 saying why not. */
export async function confirmEmail(token: string): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const row = await tx.accountToken.findUnique({
      where: { tokenHash: hashAccountToken(token) },
      select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
    });
    if (!row || row.purpose !== PURPOSE) throw notFound("That confirmation link");
    if (row.usedAt) throw new AppError("link_used", "This address is already confirmed. Sign in.");
    if (row.expiresAt <= now)
      throw new AppError(
        "link_expired",
        "This confirmation link has expired. Ask for a new one with “Send the confirmation link again” on the sign-in page.",
      );
    await tx.accountToken.updateMany({
      where: { userId: row.userId, purpose: PURPOSE, usedAt: null },
      data: { usedAt: now },
    });
    return tx.user.update({ where: { id: row.userId }, data: { emailVerified: now }, select: { email: true } });
  });
}
