import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../http";
import { deleteLiveKitRoom, removeLiveKitParticipant } from "../livekit/room-service";
import { logger } from "../logger";
import type { SigningInUser } from "./accounts";
import { hashPassword, verifyPassword } from "./password";
import { displayNameSchema, MAX_PASSWORD_LENGTH, passwordSchema } from "./rules";

// What a person changes about their own account on /account: name, password, other sessions,
// and deleting it.

export const renameSchema = z.object({ name: displayNameSchema }).strict();
export const changePasswordSchema = z
  .object({ current: z.string().max(MAX_PASSWORD_LENGTH).default(""), password: passwordSchema })
  .strict();
export const deleteAccountSchema = z
  .object({
    rooms: z.enum(["hand_over", "delete"], { message: "Choose what happens to your rooms." }),
    // the password for a password account; its email address for one that has none
    confirmation: z.string().max(MAX_PASSWORD_LENGTH).default(""),
  })
  .strict();

const signingInFields = { id: true, name: true, email: true, role: true, sessionVersion: true } as const;

/** What /account shows beyond the session: whether there is a password, a confirmed address, rooms. */
export async function accountDetails(
  userId: string,
): Promise<{ hasPassword: boolean; emailConfirmed: boolean; rooms: number }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, emailVerified: true, _count: { select: { rooms: true } } },
  });
  return {
    hasPassword: user.passwordHash !== null,
    emailConfirmed: user.emailVerified !== null,
    rooms: user._count.rooms,
  };
}

export async function renameAccount(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

async function checkPassword(userId: string, given: string): Promise<{ hasPassword: boolean; email: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, given)))
    throw new AppError("wrong_password", "That is not your current password.");
  return { hasPassword: user.passwordHash !== null, email: user.email };
}

/**
 * Sets a new password (the current one is checked, if there is one) and ends every other
 * session: the caller re-issues their own cookie with the returned version.
 */
export async function changePassword(userId: string, current: string, password: string): Promise<SigningInUser> {
  await checkPassword(userId, current);
  return db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
    select: signingInFields,
  });
}

/** Ends every session of the account; the caller re-issues their own cookie with the returned version. */
export function endOtherSessions(userId: string): Promise<SigningInUser> {
  return db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: signingInFields });
}

/**
 * Deletes the account. Its rooms go to the longest-serving other administrator ("hand_over",
 * with the invite links made in them) or are deleted with their history ("delete"). The last
 * working administrator cannot delete their account.
 */
export async function deleteAccount(
  userId: string,
  { rooms, confirmation }: z.infer<typeof deleteAccountSchema>,
): Promise<void> {
  const { hasPassword, email } = await checkPassword(userId, confirmation);
  if (!hasPassword && confirmation.trim().toLowerCase() !== email)
    throw new AppError("wrong_confirmation", "Type your email address to confirm.");
  // The meetings this person is in now: they leave them at once, not when their token expires.
  const stays = await db.attendance.findMany({
    where: { identity: userId, leftAt: null },
    select: { meeting: { select: { room: { select: { slug: true } } } } },
  });
  const deletedRooms = await db.$transaction(async (tx) => {
    const me = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
    const heir = await tx.user.findFirst({
      where: { role: "ADMIN", disabledAt: null, id: { not: userId } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    if (me.role === "ADMIN" && !heir)
      throw new AppError("last_admin", "You are the last administrator. Make someone else an administrator first.");
    if (rooms === "hand_over") {
      if (!heir)
        throw new AppError("no_admin", "There is no administrator to hand your rooms to. Delete them instead.");
      const owned = await tx.room.findMany({ where: { ownerId: userId }, select: { id: true } });
      await tx.room.updateMany({ where: { ownerId: userId }, data: { ownerId: heir.id } });
      await tx.invite.updateMany({
        where: { createdById: userId, roomId: { in: owned.map((room) => room.id) } },
        data: { createdById: heir.id },
      });
    }
    const deleted =
      rooms === "delete" ? await tx.room.findMany({ where: { ownerId: userId }, select: { slug: true } }) : [];
    await tx.room.deleteMany({ where: { ownerId: userId } });
    await tx.user.delete({ where: { id: userId } });
    return deleted.map((room) => room.slug);
  });
  // Gone from our records first, so nobody gets a fresh token; then out of LiveKit.
  const bestEffort = (what: string) => (error: unknown) =>
    logger.warn(what, { error: error instanceof Error ? error.message : String(error) });
  for (const slug of deletedRooms) await deleteLiveKitRoom(slug).catch(bestEffort("delete_account_room_close_failed"));
  for (const stay of stays) {
    if (!deletedRooms.includes(stay.meeting.room.slug))
      await removeLiveKitParticipant(stay.meeting.room.slug, userId).catch(
        bestEffort("delete_account_disconnect_failed"),
      );
  }
}
