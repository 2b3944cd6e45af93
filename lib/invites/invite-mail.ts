import "server-only";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { env } from "../env";
import { AppError, notFound } from "../http";
import { calendarFile } from "../mail/ics";
import { requestLocaleIfAny } from "../i18n/request";
import { calendarDescription, meetingInvitationMessage } from "../mail/messages";
import { mailConfigured, sendMail } from "../mail/send";
import { invitePath } from "./invites";
import { inviteTokenFor } from "./token";

// A personal invite link with an email is mailed to that person: the meeting's name, who
// invited them, the link, and a calendar file when the host gave a start time. The host can
// send it again; the outcome at send (taken, or refused by the mail server) is kept for the list.

const MEETING_MINUTES = 60;

export type InviteMailStatus = { sentAt: Date | null; error: string | null };

/** Mails (or mails again) the personal invite `inviteId` of room `roomId`; `invitedBy` signs it. */
export async function mailPersonalInvite(
  roomId: string,
  inviteId: string,
  invitedBy: string,
): Promise<InviteMailStatus> {
  if (!mailConfigured())
    throw new AppError(
      "mail_unavailable",
      "This server cannot send mail (no SMTP_URL is configured): copy the link and send it yourself.",
    );
  const invite = await db.invite.findFirst({
    where: { id: inviteId, roomId },
    select: {
      id: true,
      tokenNonce: true,
      inviteeName: true,
      inviteeEmail: true,
      startsAt: true,
      revokedAt: true,
      room: { select: { name: true } },
    },
  });
  if (!invite) throw notFound("That invite link");
  if (!invite.inviteeEmail) throw new AppError("no_email", "This link has no email address to send it to.");
  if (invite.revokedAt) throw new AppError("invite_revoked", "This link was revoked; make a new one instead.");
  const link = `${env().NEXTAUTH_URL.replace(/\/$/, "")}${invitePath(inviteTokenFor(invite.tokenNonce))}`;
  // In the inviter's language: the one they chose for the page they invite from.
  const locale = await requestLocaleIfAny();
  const message = meetingInvitationMessage(locale, {
    invitedBy,
    meeting: invite.room.name,
    link,
    startsAt: invite.startsAt,
    inviteeName: invite.inviteeName,
  });
  const outcome = await sendMail({
    to: invite.inviteeEmail,
    ...message,
    calendar: invite.startsAt
      ? {
          filename: "invitation.ics",
          content: calendarFile({
            uid: `${invite.id}@parley`,
            start: invite.startsAt,
            durationMinutes: MEETING_MINUTES,
            title: invite.room.name,
            description: calendarDescription(locale, invitedBy, link),
            url: link,
          }),
        }
      : undefined,
  });
  const status: InviteMailStatus = outcome.sent
    ? { sentAt: outcome.at, error: null }
    : { sentAt: null, error: outcome.error };
  await db.invite.update({ where: { id: invite.id }, data: { mailSentAt: status.sentAt, mailError: status.error } });
  return status;
}

/**
 * After a link is made: mails it when it is personal, has an email and Parley can send mail.
 * null when there was nothing to send or no way to send it (the host then passes it on).
 */
export async function mailInviteIfAddressed(
  roomId: string,
  inviteId: string,
  actor: Actor,
  input: { invitee?: { email?: string } },
): Promise<InviteMailStatus | null> {
  if (!input.invitee?.email || !mailConfigured()) return null;
  return mailPersonalInvite(roomId, inviteId, senderName(actor));
}

/** Who the invitation says it is from. */
export const senderName = (actor: Actor) => (actor.kind === "member" ? actor.user.name : actor.guest.displayName);
