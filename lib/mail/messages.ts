// The words of each mail Parley sends, in the reader's language (messages/<locale>/mail.json).
// Plain text: it reads the same in every client, and links in it are whole and copyable.
import { createFormatter, createTranslator } from "next-intl";
import type { Locale } from "../i18n/locales";
import { CATALOGUES } from "../i18n/messages";

export type Message = { subject: string; text: string };

const wordsIn = (locale: Locale) => createTranslator({ locale, messages: CATALOGUES[locale], namespace: "mail" });

/** A moment as the server's clock reads it, with its zone named: the reader may be elsewhere. */
function when(locale: Locale, date: Date): string {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return createFormatter({ locale, timeZone }).dateTime(date, {
    dateStyle: "full",
    timeStyle: "short",
    timeZoneName: "short",
  });
}

export function accountInvitationMessage(
  locale: Locale,
  { invitedBy, link, expiresAt }: { invitedBy: string; link: string; expiresAt: Date },
): Message {
  const t = wordsIn(locale);
  return {
    subject: t("accountInvitation.subject", { invitedBy }),
    text: t("accountInvitation.text", { invitedBy, link, expiresAt: when(locale, expiresAt) }),
  };
}

export function passwordResetMessage(locale: Locale, { link, minutes }: { link: string; minutes: number }): Message {
  const t = wordsIn(locale);
  return { subject: t("passwordReset.subject"), text: t("passwordReset.text", { link, minutes }) };
}

export function emailCheckMessage(locale: Locale, { link }: { link: string }): Message {
  const t = wordsIn(locale);
  return { subject: t("emailCheck.subject"), text: t("emailCheck.text", { link }) };
}

export function meetingInvitationMessage(
  locale: Locale,
  {
    invitedBy,
    meeting,
    link,
    startsAt,
    inviteeName,
  }: { invitedBy: string; meeting: string; link: string; startsAt: Date | null; inviteeName: string | null },
): Message {
  const t = wordsIn(locale);
  return {
    subject: t("meetingInvitation.subject", { invitedBy, meeting }),
    text: [
      inviteeName ? t("meetingInvitation.greeting", { name: inviteeName }) : t("meetingInvitation.greetingNoName"),
      "",
      t("meetingInvitation.invited", { invitedBy, meeting }),
      ...(startsAt ? [t("meetingInvitation.startsAt", { startsAt: when(locale, startsAt) })] : []),
      "",
      t("meetingInvitation.join"),
      link,
    ].join("\n"),
  };
}

/** The description in the invitation's calendar file. */
export const calendarDescription = (locale: Locale, invitedBy: string, link: string) =>
  wordsIn(locale)("meetingInvitation.calendarDescription", { invitedBy, link });
