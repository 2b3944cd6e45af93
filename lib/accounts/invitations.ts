import "server-only";
import { z } from "zod";
import { recordAudit } from "../admin/audit";
import { db } from "../db";
import { env } from "../env";
import { AppError, notFound } from "../http";
import type { Prisma } from "../generated/prisma/client";
import type { SessionUser } from "./accounts";
import { emailSchema } from "./rules";
import { ACCOUNT_TOKEN_PATTERN, hashAccountToken, newAccountToken } from "./tokens";

// Administrators invite people to make an account: a link that works once, for 7 days, for
// one email address, whatever the sign-up policy (SIGNUP) says.

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const invitationTokenSchema = z
  .string()
  .regex(ACCOUNT_TOKEN_PATTERN, { message: "That invitation link is not valid." });
export const newInvitationSchema = z.object({ email: emailSchema }).strict();
export const invitationQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }).strict();

export const signUpLink = (token: string) => `${env().NEXTAUTH_URL.replace(/\/$/, "")}/signup?invitation=${token}`;

export type InvitationSummary = {
  id: string;
  email: string;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  expired: boolean;
  mailSentAt: Date | null;
  mailError: string | null;
};

const summaryFields = {
  id: true,
  email: true,
  createdAt: true,
  expiresAt: true,
  usedAt: true,
  mailSentAt: true,
  mailError: true,
  invitedBy: { select: { name: true } },
} as const;

function summary({
  invitedBy,
  ...row
}: { invitedBy: { name: string } } & Omit<InvitationSummary, "invitedBy" | "expired">): InvitationSummary {
  return { ...row, invitedBy: invitedBy.name, expired: row.usedAt === null && row.expiresAt.getTime() <= Date.now() };
}

/** A new invitation for `email`, with the link (shown to the admin once; only its hash is kept). */
export async function createAccountInvitation(
  admin: SessionUser,
  email: string,
): Promise<{ invitation: InvitationSummary; link: string }> {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("email_taken", "There is already an account with this email address.");
  }
  const { token, tokenHash } = newAccountToken();
  const row = await db.accountInvitation.create({
    data: { email, tokenHash, invitedById: admin.id, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) },
    select: summaryFields,
  });
  await recordAudit(admin.id, "user.invite", { type: "user", id: row.id, label: email });
  return { invitation: summary(row), link: signUpLink(token) };
}

/**
 * A new link for an invitation not yet used (the old link stops working: only a hash of each
 * is kept, so the old one cannot be sent again), valid 7 days from now. 404, or 410 when used.
 */
export async function renewAccountInvitation(
  admin: SessionUser,
  id: string,
): Promise<{ invitation: InvitationSummary; link: string }> {
  const { token, tokenHash } = newAccountToken();
  const renewed = await db.accountInvitation.updateMany({
    where: { id, usedAt: null },
    data: {
      tokenHash,
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      mailSentAt: null,
      mailError: null,
    },
  });
  if (renewed.count !== 1) {
    const row = await db.accountInvitation.findUnique({ where: { id }, select: { usedAt: true, expiresAt: true } });
    refuseUnusable(row, new Date());
  }
  const row = await db.accountInvitation.findUniqueOrThrow({ where: { id }, select: summaryFields });
  await recordAudit(admin.id, "user.invite", { type: "user", id, label: row.email, detail: "sent again" });
  return { invitation: summary(row), link: signUpLink(token) };
}

export async function recordInvitationMail(
  id: string,
  outcome: { sentAt: Date } | { error: string },
): Promise<InvitationSummary> {
  const row = await db.accountInvitation.update({
    where: { id },
    data: "sentAt" in outcome ? { mailSentAt: outcome.sentAt, mailError: null } : { mailError: outcome.error },
    select: summaryFields,
  });
  return summary(row);
}

const PER_PAGE = 50;

export async function listAccountInvitations({ page }: z.infer<typeof invitationQuerySchema>) {
  const [total, rows] = await Promise.all([
    db.accountInvitation.count(),
    db.accountInvitation.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PER_PAGE,
      take: PER_PAGE,
      select: summaryFields,
    }),
  ]);
  return { total, page, perPage: PER_PAGE, invitations: rows.map(summary) };
}

export type UsableInvitation = { id: string; email: string; invitedBy: string };

function refuseUnusable(row: { usedAt: Date | null; expiresAt: Date } | null, now: Date): void {
  if (!row) throw notFound("That invitation");
  if (row.usedAt)
    throw new AppError(
      "invitation_used",
      "This invitation has already been used to make an account. Sign in instead, or ask for a new invitation.",
    );
  if (row.expiresAt <= now)
    throw new AppError(
      "invitation_expired",
      "This invitation has expired. Ask the administrator who sent it for a new one.",
    );
}

/** The invitation behind a link, if it can still be used; else the 404 or 410 saying why. */
export async function findUsableInvitation(token: string): Promise<UsableInvitation> {
  const row = await db.accountInvitation.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { id: true, email: true, usedAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  refuseUnusable(row, new Date());
  return { id: row!.id, email: row!.email, invitedBy: row!.invitedBy.name };
}

/**
 * Spends the invitation for an account with `email`, inside the transaction that makes the
 * account: two sign-ups with one link cannot both succeed.
 */
export async function claimInvitation(tx: Prisma.TransactionClient, token: string, email: string): Promise<void> {
  const now = new Date();
  const row = await tx.accountInvitation.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { id: true, email: true, usedAt: true, expiresAt: true },
  });
  refuseUnusable(row, now);
  if (row!.email !== email)
    throw new AppError("invitation_email", `This invitation is for ${row!.email}: sign up with that address.`);
  const spent = await tx.accountInvitation.updateMany({ where: { id: row!.id, usedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1)
    throw new AppError("invitation_used", "This invitation has already been used to make an account.");
}
