import "server-only";
import { z } from "zod";
import { db } from "../db";

export const AUDIT_ACTIONS = [
  "room.end_meeting",
  "room.close",
  "room.reopen",
  "room.delete",
  "participant.remove",
  "participant.mute_microphone",
  "participant.mute_camera",
  "participant.stop_screen_share",
  "participant.make_cohost",
  "participant.remove_cohost",
  "participant.let_back_in",
  "room.mute_everyone",
  "room.end_for_everyone",
  "invite.revoke",
  "invite.revoke_with_access",
  "user.promote",
  "user.demote",
  "user.disable",
  "user.enable",
  "room.lock",
  "room.unlock",
  "door.admit",
  "door.deny",
  "user.invite",
  "recording.start",
  "recording.stop",
  "recording.play",
  "recording.download",
  "recording.delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type AuditTarget = {
  type: "room" | "participant" | "user" | "invite" | "recording";
  id: string;
  label: string;
  detail?: string;
};

export async function recordAudit(actorId: string, action: AuditAction, target: AuditTarget): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId,
      action,
      targetType: target.type,
      targetId: target.id,
      targetLabel: target.label,
      detail: target.detail ?? null,
    },
  });
}

export const auditQuerySchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    // matches the acting admin's name or email, or the target's name
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
type AuditQuery = z.infer<typeof auditQuerySchema>;

const PER_PAGE = 50;

/** One entry of the audit log, newest first (GET /api/admin/audit, /admin/audit). */
export type AuditEntryRow = {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  targetLabel: string;
  detail: string | null;
  createdAt: Date;
  actor: { name: string; email: string };
};
export type AuditPage = { total: number; page: number; perPage: number; entries: AuditEntryRow[] };

export async function listAudit({ action, q, page }: AuditQuery): Promise<AuditPage> {
  const where = {
    ...(action ? { action } : {}),
    ...(q
      ? {
          OR: [
            { targetLabel: { contains: q } },
            { actor: { name: { contains: q } } },
            { actor: { email: { contains: q } } },
          ],
        }
      : {}),
  };
  const [total, entries] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PER_PAGE,
      take: PER_PAGE,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        targetLabel: true,
        detail: true,
        createdAt: true,
        actor: { select: { name: true, email: true } },
      },
    }),
  ]);
  return { total, page, perPage: PER_PAGE, entries };
}
