import "server-only";
import { recordAudit } from "../admin/audit";
import { db, isUniqueViolation } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../http";
import type { SsoClaims } from "../sso/login";
import type { SsoSettings } from "../sso/provider";
import type { SigningInUser } from "./accounts";
import { displayNameSchema, emailSchema } from "./rules";
import { domainsInWords } from "./sign-up-policy";

// The Parley account behind a single sign-on. Matched by the provider's issuer and subject,
// never by email alone. An existing account with the same address (a password account) is
// linked only when the provider says the address is verified; otherwise it is left alone, so
// nobody takes over an account by typing its address into a sloppy provider.
//
// New accounts follow SIGNUP: `open` and `closed` make them (closed means "accounts come from
// single sign-on or an admin"); `domains` wants a verified address at one of SIGNUP_DOMAINS;
// `invite` wants an administrator's unused invitation for the (verified) address, which it
// spends. The first account of a fresh server, and verified addresses in ADMIN_EMAILS, may
// always be made. Members of SSO_ADMIN_GROUP are admins; an account made admin by the group
// stops being one when the group no longer lists it (never the last admin).

type Tx = Prisma.TransactionClient;
type RoleChange = { userId: string; email: string; action: "user.promote" | "user.demote" };

const signingInFields = { id: true, name: true, email: true, role: true, sessionVersion: true } as const;

function groupsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

function nameFrom(claims: SsoClaims, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((part) => typeof part === "string").join(" ");
  for (const candidate of [claims.name, given, claims.preferred_username, email.slice(0, email.indexOf("@"))]) {
    const parsed = displayNameSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return "New member";
}

const unverified = (email: string) =>
  new AppError(
    "sso_email_unverified",
    `An account with ${email} already exists here. Your sign-on provider does not confirm that this address is yours, so the account was not linked: sign in with your password, or ask an administrator.`,
  );

const disabled = () =>
  new AppError(
    "account_disabled",
    "This account has been disabled by an administrator. Ask them if this is a mistake.",
  );

async function newAccountAllowed(tx: Tx, email: string, verified: boolean): Promise<{ admin: boolean }> {
  const config = env();
  const isFirst = (await tx.user.count()) === 0;
  const namedAdmin = verified && config.ADMIN_EMAILS.includes(email);
  if (isFirst || namedAdmin) return { admin: true };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (config.SIGNUP === "domains") {
    if (!config.SIGNUP_DOMAINS.includes(domain))
      throw new AppError(
        "signup_domain",
        `Accounts on this server are for email addresses at ${domainsInWords(config.SIGNUP_DOMAINS)}. Ask an administrator to invite you if you need one with another address.`,
      );
    if (!verified)
      throw new AppError(
        "sso_email_unverified",
        "Your sign-on provider does not confirm your email address, and on this server the address is what grants an account. Ask an administrator.",
      );
  }
  if (config.SIGNUP === "invite") {
    const now = new Date();
    const invitation = verified
      ? await tx.accountInvitation.findFirst({
          where: { email, usedAt: null, expiresAt: { gt: now } },
          orderBy: { createdAt: "desc" },
          select: { id: true },
        })
      : null;
    if (!invitation)
      throw new AppError(
        "signup_closed",
        `Accounts on this server are by invitation only, and there is no invitation for ${email}${verified ? "" : " confirmed by your sign-on provider"}. Ask an administrator to invite you.`,
      );
    await tx.accountInvitation.update({ where: { id: invitation.id }, data: { usedAt: now } });
  }
  return { admin: false };
}

/** Applies SSO_ADMIN_GROUP to an account signing in; the change to audit, if any. */
async function applyAdminGroup(
  tx: Tx,
  settings: SsoSettings,
  inGroup: boolean,
  user: { id: string; email: string; role: "ADMIN" | "MEMBER" },
  identity: { id: string; adminByGroup: boolean },
): Promise<RoleChange | null> {
  if (settings.adminGroup === null) return null;
  if (inGroup && user.role === "MEMBER") {
    await tx.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    await tx.ssoIdentity.update({ where: { id: identity.id }, data: { adminByGroup: true } });
    return { userId: user.id, email: user.email, action: "user.promote" };
  }
  if (!inGroup && identity.adminByGroup && user.role === "ADMIN") {
    const otherAdmins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: user.id } } });
    if (otherAdmins === 0) return null;
    await tx.user.update({ where: { id: user.id }, data: { role: "MEMBER" } });
    await tx.ssoIdentity.update({ where: { id: identity.id }, data: { adminByGroup: false } });
    return { userId: user.id, email: user.email, action: "user.demote" };
  }
  return null;
}

async function resolve(settings: SsoSettings, claims: SsoClaims): Promise<SigningInUser> {
  const inGroup = settings.adminGroup !== null && groupsOf(claims[settings.groupsClaim]).includes(settings.adminGroup);
  const verified = claims.email_verified === true || claims.email_verified === "true";
  const parsedEmail = emailSchema.safeParse(claims.email);
  const key = { issuer_subject: { issuer: claims.issuer, subject: claims.subject } };
  const { user, change } = await db.$transaction(async (tx) => {
    const now = new Date();
    const known = await tx.ssoIdentity.findUnique({
      where: key,
      select: { id: true, adminByGroup: true, user: { select: { ...signingInFields, disabledAt: true } } },
    });
    if (known) {
      if (known.user.disabledAt) throw disabled();
      await tx.ssoIdentity.update({ where: { id: known.id }, data: { lastSignInAt: now } });
      return { user: known.user, change: await applyAdminGroup(tx, settings, inGroup, known.user, known) };
    }
    if (!parsedEmail.success)
      throw new AppError(
        "sso_no_email",
        "Your sign-on provider did not give Parley an email address, which every account here needs. Ask an administrator.",
      );
    const email = parsedEmail.data;
    const existing = await tx.user.findUnique({
      where: { email },
      select: { ...signingInFields, disabledAt: true, emailVerified: true },
    });
    if (existing) {
      if (!verified) throw unverified(email);
      if (existing.disabledAt) throw disabled();
      const other = await tx.ssoIdentity.findFirst({
        where: { userId: existing.id, issuer: claims.issuer },
        select: { id: true },
      });
      if (other)
        throw new AppError(
          "sso_identity_conflict",
          `The account with ${email} is already linked to another person at your sign-on provider. Ask an administrator.`,
        );
      const identity = await tx.ssoIdentity.create({
        data: { userId: existing.id, issuer: claims.issuer, subject: claims.subject },
        select: { id: true, adminByGroup: true },
      });
      if (!existing.emailVerified) await tx.user.update({ where: { id: existing.id }, data: { emailVerified: now } });
      return { user: existing, change: await applyAdminGroup(tx, settings, inGroup, existing, identity) };
    }
    const { admin } = await newAccountAllowed(tx, email, verified);
    const created = await tx.user.create({
      data: {
        name: nameFrom(claims, email),
        email,
        role: admin || inGroup ? "ADMIN" : "MEMBER",
        emailVerified: verified ? now : null,
        ssoIdentities: {
          create: { issuer: claims.issuer, subject: claims.subject, adminByGroup: inGroup && !admin },
        },
      },
      select: signingInFields,
    });
    return { user: created, change: null };
  });
  if (change)
    await recordAudit(change.userId, change.action, {
      type: "user",
      id: change.userId,
      label: change.email,
      detail: "by the single sign-on admin group",
    });
  const role = change ? (change.action === "user.promote" ? "ADMIN" : "MEMBER") : user.role;
  return { id: user.id, name: user.name, email: user.email, role, sessionVersion: user.sessionVersion };
}

/**
 * The account that signs in for these claims: found, linked or made (see above); a 403 or 409
 * AppError saying why not.
 */
export async function accountForSso(settings: SsoSettings, claims: SsoClaims): Promise<SigningInUser> {
  try {
    return await resolve(settings, claims);
  } catch (error) {
    // Two first sign-ins of one person at once: the other made the link; this one finds it.
    if (isUniqueViolation(error)) return resolve(settings, claims);
    throw error;
  }
}
