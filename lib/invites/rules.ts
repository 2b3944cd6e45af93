// What an invite link may say; shared by the invite form and the server.
import { z } from "zod";
import { displayNameSchema, emailSchema } from "../accounts/rules";
import { hasControlCharacters } from "../text";

const INVITE_ROLES = ["participant", "viewer", "cohost"] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

export const DEFAULT_INVITE_LIFETIME_DAYS = 7;

export type InviteState = "valid" | "revoked" | "expired" | "used_up";
/** Why a link no longer lets anyone new in. */
export type InviteRefusal = Exclude<InviteState, "valid">;

/** The error code (lib/error-codes.ts) a refused link answers with. */
export const inviteRefusalCode = (state: InviteRefusal) => `invite_${state}` as const;

/** A link as its host sees it. */
export type InviteView = {
  id: string;
  url: string;
  role: InviteRole;
  label: string | null;
  invitee: { name: string; email: string | null } | null;
  uses: number;
  maxUses: number | null;
  expiresAt: Date | null;
  createdAt: Date;
  state: InviteState;
  /** Who came in through it: a member by name, a guest by the name they gave, or someone since deleted (null). */
  usedBy: { name: string | null; guest: boolean }[];
  /** Revoked together with the access of everyone who came in through it. */
  accessRevoked: boolean;
  /** For a personal link with an email: when it was last mailed, or why the mail server refused it. */
  mail: { sentAt: Date | null; error: string | null } | null;
};
const MAX_INVITE_LIFETIME_DAYS = 365;

export const createInviteSchema = z
  .object({
    role: z.enum(INVITE_ROLES, { message: "Choose a role: participant, viewer or cohost." }),
    // Omitted: the default lifetime. null: the link never expires.
    expiresAt: z.iso
      .datetime({ offset: true, message: "expiresAt must be a date and time such as 2030-01-31T17:00:00Z." })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() > Date.now(), { message: "The expiry must be in the future." })
      .refine((date) => date.getTime() < Date.now() + MAX_INVITE_LIFETIME_DAYS * 86_400_000, {
        message: `The expiry must be within ${MAX_INVITE_LIFETIME_DAYS} days.`,
      })
      .nullable()
      .optional(),
    maxUses: z
      .int({ message: "Maximum uses must be a whole number." })
      .min(1, { message: "Maximum uses must be at least 1." })
      .max(10_000)
      .nullable()
      .optional(),
    label: z
      .string()
      .trim()
      .max(80, { message: "Use at most 80 characters for the label." })
      .refine((label) => !hasControlCharacters(label), { message: "The label contains characters we can't show." })
      .optional(),
    invitee: z.object({ name: displayNameSchema, email: emailSchema.optional() }).strict().optional(),
    // When the meeting starts: the mailed invitation then carries a calendar file.
    startsAt: z.iso
      .datetime({ offset: true, message: "startsAt must be a date and time such as 2030-01-31T17:00:00Z." })
      .transform((value) => new Date(value))
      .refine(
        (date) =>
          date.getTime() > Date.now() - 86_400_000 &&
          date.getTime() < Date.now() + MAX_INVITE_LIFETIME_DAYS * 86_400_000,
        {
          message: `The start must be within the next ${MAX_INVITE_LIFETIME_DAYS} days.`,
        },
      )
      .optional(),
  })
  .strict()
  .refine((input) => input.startsAt === undefined || input.invitee?.email !== undefined, {
    message: "A start time goes with a personal link that has an email address.",
    path: ["startsAt"],
  });

export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export const revokeInviteSchema = z
  .object({
    // false: only the link stops working; true: everyone who came in through it also loses the
    // access it gave, and leaves the meeting now.
    revokeAccess: z.boolean({ message: "revokeAccess must be true or false." }).default(false),
  })
  .strict();

export const redeemInviteSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "That is not an invite link." }),
    name: displayNameSchema.optional(),
  })
  .strict();
