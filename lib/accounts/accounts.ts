import "server-only";
import { db, isUniqueViolation } from "../db";
import { env } from "../env";
import { AppError } from "../http";
import type { Role } from "../generated/prisma/client";
import { hashPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./rules";

export type SessionUser = { id: string; name: string; email: string; role: Role };

const sessionUserFields = { id: true, name: true, email: true, role: true } as const;

// A fixed hash to verify against when the email is unknown, so both cases take as long.
let decoyHash: Promise<string> | undefined;

export async function createAccount(input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  const namedAdmin = env().ADMIN_EMAILS.includes(input.email);
  try {
    // Counting and inserting in one transaction makes "the first account is an admin" hold
    // even when two people sign up at once.
    return await db.$transaction(async (tx) => {
      const isFirst = (await tx.user.count()) === 0;
      return tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, role: isFirst || namedAdmin ? "ADMIN" : "MEMBER" },
        select: sessionUserFields,
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
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email }, select: { ...sessionUserFields, passwordHash: true, disabledAt: true } });
  if (!user?.passwordHash || user.disabledAt) {
    decoyHash ??= hashPassword("decoy password that matches nothing");
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** The account behind a session; null when it is gone or an admin disabled it. */
export function findSessionUser(id: string): Promise<SessionUser | null> {
  return db.user.findFirst({ where: { id, disabledAt: null }, select: sessionUserFields });
}
