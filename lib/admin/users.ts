import "server-only";
import { z } from "zod";
import type { SessionUser } from "../accounts/accounts";
import { db } from "../db";
import { errorMessage } from "../error-message";
import type { Role } from "../generated/prisma/client";
import { AppError, notFound } from "../http";
import { removeLiveKitParticipant } from "../livekit/room-service";
import { logger } from "../logger";
import { holdOut } from "../meetings/hold-out";
import { recordAudit } from "./audit";

export const userQuerySchema = z
  .object({
    q: z.string().trim().max(100).default(""),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict();

export const userChangeSchema = z
  .object({ role: z.enum(["ADMIN", "MEMBER"]).optional(), disabled: z.boolean().optional() })
  .strict()
  .refine(
    (change) => (change.role === undefined) !== (change.disabled === undefined),
    "Send exactly one of role or disabled.",
  );
type UserChange = z.infer<typeof userChangeSchema>;

const PER_PAGE = 50;

/** An account as the admin list shows it (GET /api/admin/users). */
export type AdminUserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
  rooms: number;
};
export type AdminUserPage = { total: number; page: number; perPage: number; users: AdminUserRow[] };

export async function listUsers({ q, page }: z.infer<typeof userQuerySchema>): Promise<AdminUserPage> {
  const where = q ? { OR: [{ name: { contains: q } }, { email: { contains: q } }] } : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PER_PAGE,
      take: PER_PAGE,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        disabledAt: true,
        createdAt: true,
        _count: { select: { rooms: true } },
      },
    }),
  ]);
  return {
    total,
    page,
    perPage: PER_PAGE,
    users: users.map(({ _count, ...user }) => ({ ...user, rooms: _count.rooms })),
  };
}

/** An account after an admin's change (PATCH /api/admin/users/[id]). */
export type ChangedUser = Omit<AdminUserRow, "createdAt" | "rooms">;

/** Promotes, demotes, disables or re-enables an account. The last working admin always stays. */
export async function changeUser(admin: SessionUser, userId: string, change: UserChange): Promise<ChangedUser> {
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
    });
    if (!user) throw notFound("That account");
    const workingAdmins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
    const isWorkingAdmin = user.role === "ADMIN" && !user.disabledAt;
    if (change.role === "MEMBER" && isWorkingAdmin && workingAdmins <= 1) {
      throw new AppError("last_admin", "This is the last administrator. Make someone else an administrator first.");
    }
    if (change.disabled && user.id === admin.id)
      throw new AppError("cannot_disable_self", "You cannot disable your own account.");
    if (change.disabled && isWorkingAdmin && workingAdmins <= 1) {
      throw new AppError("last_admin", "This is the last administrator. Make someone else an administrator first.");
    }
    return tx.user.update({
      where: { id: userId },
      data:
        change.role !== undefined
          ? { role: change.role }
          : { disabledAt: change.disabled ? (user.disabledAt ?? new Date()) : null },
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
    });
  });
  const action =
    change.role === "ADMIN"
      ? "user.promote"
      : change.role === "MEMBER"
        ? "user.demote"
        : change.disabled
          ? "user.disable"
          : "user.enable";
  await recordAudit(admin.id, action, { type: "user", id: updated.id, label: `${updated.name} <${updated.email}>` });
  if (change.disabled) await disconnectEverywhere(updated.id);
  return updated;
}

/**
 * A disabled account leaves the meetings it is in now, not only the next ones, and the tokens it
 * holds for them get it nowhere (lib/meetings/hold-out.ts).
 */
async function disconnectEverywhere(userId: string): Promise<void> {
  const stays = await db.attendance.findMany({
    where: { identity: userId, leftAt: null },
    select: { meeting: { select: { room: { select: { slug: true } } } } },
  });
  for (const stay of stays) {
    await removeLiveKitParticipant(stay.meeting.room.slug, userId).catch((error: unknown) =>
      logger.warn("disconnect_disabled_user_failed", { error: errorMessage(error) }),
    );
    holdOut(stay.meeting.room.slug, [userId]);
  }
}
