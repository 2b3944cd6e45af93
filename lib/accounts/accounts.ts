import "server-only";
import { db, isUniqueViolation, preparedStatement, sql, type SqlRow } from "../db";
import { env } from "../env";
import { AppError } from "../http";
import { Role } from "../generated/prisma/enums";
import { claimInvitation } from "./invitations";
import { hashPassword, verifyPassword } from "./password";
import { enforceSignUpPolicy, type SignUpPolicy } from "./sign-up-policy";
import type { SignUpInput } from "./rules";

export type SessionUser = { id: string; name: string; email: string; role: Role; locale?: string | null };
/** An account as it starts a session: with the version its session cookie will carry. */
export type SigningInUser = SessionUser & { sessionVersion: number };

const sessionUserFields = { id: true, name: true, email: true, role: true, locale: true } as const;

// A fixed hash to verify against when the email is unknown, so both cases take as long.
let decoyHash: Promise<string> | undefined;

export const signUpPolicy = (): SignUpPolicy => ({ mode: env().SIGNUP, domains: env().SIGNUP_DOMAINS });

/** Whether nobody has an account yet: the first one may always be made, and is an admin. */
export async function isFreshServer(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** Whether someone named in ADMIN_EMAILS has no account yet (they may sign up whatever SIGNUP says). */
export async function namedAdminsStillToSignUp(): Promise<boolean> {
  const named = env().ADMIN_EMAILS;
  return named.length > 0 && (await db.user.count({ where: { email: { in: named } } })) < named.length;
}

/** A new password account, if the sign-up policy lets this person have one (else a 403). */
export async function createAccount(input: SignUpInput): Promise<SigningInUser> {
  const passwordHash = await hashPassword(input.password);
  const namedAdmin = env().ADMIN_EMAILS.includes(input.email);
  try {
    // Counting and inserting in one transaction makes "the first account is an admin" hold
    // even when two people sign up at once; the invitation is spent in it too.
    return await db.$transaction(async (tx) => {
      const isFirst = (await tx.user.count()) === 0;
      if (input.invitation) await claimInvitation(tx, input.invitation, input.email);
      enforceSignUpPolicy(signUpPolicy(), input.email, {
        isFirstAccount: isFirst,
        invited: input.invitation !== undefined,
        namedAdmin,
      });
      return tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          passwordHash,
          role: isFirst || namedAdmin ? "ADMIN" : "MEMBER",
          // the invitation came to this address: it is theirs; so is the first account's, whose
          // owner set up the server
          emailVerified: input.invitation || isFirst ? new Date() : null,
        },
        select: { ...sessionUserFields, sessionVersion: true },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("email_taken", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}

/** Returns the user when the password matches, otherwise null. */
export async function authenticate(
  email: string,
  password: string,
): Promise<(SigningInUser & { emailConfirmed: boolean }) | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { ...sessionUserFields, passwordHash: true, disabledAt: true, sessionVersion: true, emailVerified: true },
  });
  if (!user?.passwordHash || user.disabledAt) {
    decoyHash ??= hashPassword("decoy password that matches nothing");
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionVersion: user.sessionVersion,
    emailConfirmed: user.emailVerified !== null,
  };
}

/**
 * The account behind a session; null when it is gone, an admin disabled it, or its sessions
 * were ended after this one was issued (its `sessionVersion` moved on).
 */
export function findSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  return sessionUserStatement.get(id, sessionVersion);
}

// Read on every request (every page and API call): a prepared statement (lib/db.ts says why).
// The same as db.user.findFirst({ where: { id, disabledAt: null, sessionVersion }, select: sessionUserFields }).
const sessionUserStatement = preparedStatement<[id: string, sessionVersion: number], SessionUser>(
  `SELECT "id", "name", "email", "role", "locale" FROM "User"
   WHERE "id" = ? AND "disabledAt" IS NULL AND "sessionVersion" = ? LIMIT 1`,
  toSessionUser,
);

function toSessionUser(row: SqlRow): SessionUser {
  return {
    id: sql.text(row.id),
    name: sql.text(row.name),
    email: sql.text(row.email),
    role: sql.oneOf(row.role, Object.values(Role)),
    locale: sql.textOrNull(row.locale),
  };
}

/** The account behind a meeting identity (LiveKit knows people by account id); null when it is gone or disabled. */
export function findActiveUser(id: string): Promise<SessionUser | null> {
  return db.user.findFirst({ where: { id, disabledAt: null }, select: sessionUserFields });
}
