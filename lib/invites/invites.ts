import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import type { MeetingRole } from "../generated/prisma/client";
import { newGuestId, type GuestIdentity } from "../guests/guests";
import { guestPassExpiry } from "../guests/pass";
import { AppError } from "../http";
import { roomLocked } from "../door/refusals";
import {
  DEFAULT_INVITE_LIFETIME_DAYS,
  inviteRefusalCode,
  type CreateInviteInput,
  type InviteRefusal,
  type InviteRole,
  type InviteState,
  type InviteView,
} from "./rules";
import { roomFields, type Room } from "../rooms/rooms";
import { hashInviteToken, inviteTokenFor, isInviteToken, newInviteToken } from "./token";

const toRole = (role: InviteRole) => role.toUpperCase() as MeetingRole;
const fromRole = (role: MeetingRole) => role.toLowerCase() as InviteRole;

export const invitePath = (token: string) => `/j/${token}`;

function stateOf(
  invite: { revokedAt: Date | null; expiresAt: Date | null; maxUses: number | null; uses: number },
  now = new Date(),
): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt && invite.expiresAt <= now) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used_up";
  return "valid";
}

/** A link just made (POST /api/rooms/[slug]/invites): `path` is what to send, /j/<token>. */
export type NewInvite = { id: string; path: string };

export async function createInvite(roomId: string, createdBy: Actor, input: CreateInviteInput): Promise<NewInvite> {
  // Guests never hold host powers (co-host links need an account), so this is a member.
  if (createdBy.kind !== "member") throw new AppError("forbidden", "Only the meeting's hosts can do that.");
  const createdById = createdBy.user.id;
  const { nonce, token, tokenHash } = newInviteToken();
  const personal = input.invitee !== undefined;
  const expiresAt =
    input.expiresAt === undefined ? new Date(Date.now() + DEFAULT_INVITE_LIFETIME_DAYS * 86_400_000) : input.expiresAt;
  const invite = await db.invite.create({
    data: {
      roomId,
      createdById,
      tokenHash,
      tokenNonce: nonce,
      role: toRole(input.role),
      label: input.label || null,
      inviteeName: input.invitee?.name ?? null,
      inviteeEmail: input.invitee?.email ?? null,
      // A personal link is single-use unless the host says otherwise.
      maxUses: input.maxUses === undefined ? (personal ? 1 : null) : input.maxUses,
      expiresAt,
      startsAt: input.startsAt ?? null,
    },
    select: { id: true },
  });
  return { id: invite.id, path: invitePath(token) };
}

export async function listInvites(roomId: string, { take = 200 }: { take?: number } = {}): Promise<InviteView[]> {
  const invites = await db.invite.findMany({
    where: { roomId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      tokenNonce: true,
      role: true,
      label: true,
      inviteeName: true,
      inviteeEmail: true,
      uses: true,
      maxUses: true,
      expiresAt: true,
      createdAt: true,
      revokedAt: true,
      mailSentAt: true,
      mailError: true,
      access: {
        select: { revokedAt: true, user: { select: { name: true } }, guest: { select: { displayName: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const now = new Date();
  return invites.map((invite) => ({
    id: invite.id,
    url: invitePath(inviteTokenFor(invite.tokenNonce)),
    role: fromRole(invite.role),
    label: invite.label,
    invitee: invite.inviteeName ? { name: invite.inviteeName, email: invite.inviteeEmail } : null,
    uses: invite.uses,
    maxUses: invite.maxUses,
    expiresAt: invite.expiresAt,
    createdAt: invite.createdAt,
    state: stateOf(invite, now),
    usedBy: invite.access.map((a) => ({
      name: a.user?.name ?? a.guest?.displayName ?? null,
      guest: !a.user && !!a.guest,
    })),
    mail: invite.inviteeEmail ? { sentAt: invite.mailSentAt, error: invite.mailError } : null,
    accessRevoked: invite.access.some((a) => a.revokedAt !== null),
  }));
}

export type RevokedInvite = {
  /** How the link is named in the list (its label or invitee). */
  label: string;
  role: InviteRole;
  /** Everyone who came in through it, by LiveKit identity (account or guest id). */
  admitted: { identity: string; kind: "member" | "guest" }[];
};

/**
 * The link admits nobody new. With `revokeAccess`, those who came in through it lose the access
 * it gave them too (they keep only what other links or the room's own rules give them). `by`:
 * who decided, as they will be told.
 */
export async function revokeInvite(
  roomId: string,
  inviteId: string,
  { revokeAccess = false, by }: { revokeAccess?: boolean; by: string },
): Promise<RevokedInvite> {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: { id: inviteId, roomId },
      select: {
        label: true,
        inviteeName: true,
        role: true,
        revokedAt: true,
        access: { select: { userId: true, guestId: true } },
      },
    });
    if (!invite) throw new AppError("not_found", "That invite link does not exist.");
    const now = new Date();
    if (!invite.revokedAt) await tx.invite.update({ where: { id: inviteId }, data: { revokedAt: now } });
    if (revokeAccess)
      await tx.roomAccess.updateMany({ where: { inviteId, revokedAt: null }, data: { revokedAt: now, revokedBy: by } });
    return {
      label: invite.inviteeName ? `For ${invite.inviteeName}` : (invite.label ?? "Shared link"),
      role: fromRole(invite.role),
      admitted: invite.access.flatMap((a): RevokedInvite["admitted"] =>
        a.userId ? [{ identity: a.userId, kind: "member" }] : a.guestId ? [{ identity: a.guestId, kind: "guest" }] : [],
      ),
    };
  });
}

type InspectedInvite = {
  id: string;
  state: InviteState;
  role: InviteRole;
  expiresAt: Date | null;
  room: Room;
};

/** The invite behind a token, or null when no invite has this token. */
export async function inspectInvite(token: string): Promise<InspectedInvite | null> {
  if (!isInviteToken(token)) return null;
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      id: true,
      role: true,
      revokedAt: true,
      expiresAt: true,
      maxUses: true,
      uses: true,
      room: { select: roomFields },
    },
  });
  if (!invite) return null;
  return {
    id: invite.id,
    state: stateOf(invite),
    role: fromRole(invite.role),
    expiresAt: invite.expiresAt,
    room: invite.room,
  };
}

/** Whether this caller already came in through this invite (then a spent link still lets them back). */
export async function hasRedeemed(inviteId: string, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  const where =
    actor.kind === "member"
      ? { inviteId, userId: actor.user.id, revokedAt: null }
      : { inviteId, guestId: actor.guest.id, revokedAt: null };
  return (await db.roomAccess.count({ where })) > 0;
}

const refusals: Record<InviteRefusal, string> = {
  revoked: "This invite link was revoked by the host.",
  expired: "This invite link has expired.",
  used_up: "This invite link has already been used as many times as it allows.",
};

export function inviteRefusal(state: InviteRefusal): AppError {
  return new AppError(inviteRefusalCode(state), refusals[state]);
}

/** `guest`: the guest who came in (new, or the caller again), for the browser to remember; `inviteId`: the link used. */
type Redemption = { roomId: string; guest: GuestIdentity | null; inviteId: string };

/**
 * Lets the caller in through an invite link: counts one use (atomically, so a link cannot be
 * used more often than it allows, however many people try at once) and records who came in.
 * Someone who already came in through this link is let back without counting again.
 */
export async function redeemInvite(
  token: string,
  actor: Actor | null,
  guestName: string | undefined,
): Promise<Redemption> {
  const invite = await inspectInvite(token);
  if (!invite)
    throw new AppError("invite_not_found", "This invite link is not valid. Check it with the person who sent it.");
  if (actor?.kind === "member" || (actor?.kind === "guest" && actor.guest.roomId === invite.room.id)) {
    if (await hasRedeemed(invite.id, actor))
      return { roomId: invite.room.id, guest: actor.kind === "guest" ? actor.guest : null, inviteId: invite.id };
  }
  if (invite.state !== "valid") throw inviteRefusal(invite.state);
  if (invite.room.endedAt) throw new AppError("room_ended", "This meeting has ended.");

  const member = actor?.kind === "member" ? actor.user : null;
  // A locked room takes nobody new, and a refused attempt must not spend the link.
  if (invite.room.lockedAt && !(member && (member.role === "ADMIN" || member.id === invite.room.ownerId)))
    throw roomLocked();
  if (!member) {
    if (!invite.room.allowGuests)
      throw new AppError("guests_not_allowed", "This meeting does not admit guests. Sign in to join.");
    if (invite.role === "cohost")
      throw new AppError("account_required", "Co-host links need an account. Sign in to join.");
    if (!guestName) throw new AppError("name_required", "Enter your name to join.");
  }

  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.invite.updateMany({
      where: {
        id: invite.id,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
        AND: [{ OR: [{ maxUses: null }, { uses: { lt: tx.invite.fields.maxUses } }] }],
      },
      data: { uses: { increment: 1 } },
    });
    if (claimed.count === 0) throw inviteRefusal("used_up");
    const guest = member
      ? null
      : {
          id: newGuestId(),
          roomId: invite.room.id,
          displayName: guestName!,
          expiresAt: guestPassExpiry(now, invite.expiresAt),
        };
    if (guest) await tx.guest.create({ data: { ...guest, createdAt: now } });
    await tx.roomAccess.create({
      data: {
        roomId: invite.room.id,
        inviteId: invite.id,
        role: toRole(invite.role),
        userId: member?.id ?? null,
        guestId: guest?.id ?? null,
      },
    });
    return { roomId: invite.room.id, guest, inviteId: invite.id };
  });
}
