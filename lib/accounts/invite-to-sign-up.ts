import "server-only";
import { requestLocaleIfAny } from "../i18n/request";
import { accountInvitationMessage } from "../mail/messages";
import { mailConfigured, sendMail } from "../mail/send";
import type { SessionUser } from "./accounts";
import {
  createAccountInvitation,
  recordInvitationMail,
  renewAccountInvitation,
  type InvitationSummary,
} from "./invitations";

/**
 * Makes an invitation, mails its link when Parley can send mail, and hands the link back to
 * the admin either way (to pass on when the mail cannot go, or did not arrive).
 */
export async function inviteToSignUp(
  admin: SessionUser,
  email: string,
): Promise<{ invitation: InvitationSummary; link: string; mailConfigured: boolean }> {
  return mailInvitation(admin, await createAccountInvitation(admin, email));
}

/** Sends an open invitation again, with a new link (the previous one stops working) for 7 more days. */
export async function inviteToSignUpAgain(
  admin: SessionUser,
  invitationId: string,
): Promise<{ invitation: InvitationSummary; link: string; mailConfigured: boolean }> {
  return mailInvitation(admin, await renewAccountInvitation(admin, invitationId));
}

async function mailInvitation(
  admin: SessionUser,
  created: { invitation: InvitationSummary; link: string },
): Promise<{ invitation: InvitationSummary; link: string; mailConfigured: boolean }> {
  const email = created.invitation.email;
  if (!mailConfigured()) return { ...created, mailConfigured: false };
  const outcome = await sendMail({
    to: email,
    ...accountInvitationMessage(await requestLocaleIfAny(), {
      invitedBy: admin.name,
      link: created.link,
      expiresAt: created.invitation.expiresAt,
    }),
  });
  const invitation = await recordInvitationMail(
    created.invitation.id,
    outcome.sent ? { sentAt: outcome.at } : { error: outcome.error },
  );
  return { invitation, link: created.link, mailConfigured: true };
}
