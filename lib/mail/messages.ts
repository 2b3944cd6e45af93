// The words of each mail Parley sends. Plain text: it reads the same in every client, and
// links in it are whole and copyable.

export type Message = { subject: string; text: string };

export function accountInvitationMessage({
  invitedBy,
  link,
  expiresAt,
}: {
  invitedBy: string;
  link: string;
  expiresAt: Date;
}): Message {
  return {
    subject: `${invitedBy} invited you to Parley`,
    text: [
      `${invitedBy} invited you to make an account on Parley, the video meeting service of your organisation.`,
      "",
      "Make your account here (the link works once):",
      link,
      "",
      `The link expires on ${expiresAt.toUTCString()}. If you did not expect this invitation, ignore this mail.`,
    ].join("\n"),
  };
}

export function passwordResetMessage({ link, minutes }: { link: string; minutes: number }): Message {
  return {
    subject: "Reset your Parley password",
    text: [
      "Someone (we hope you) asked to reset the password of your Parley account.",
      "",
      `Choose a new password here (the link works once, for ${minutes} minutes):`,
      link,
      "",
      "Setting a new password signs your account out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

export function emailCheckMessage({ link }: { link: string }): Message {
  return {
    subject: "Confirm your email address for Parley",
    text: [
      "Confirm that this address is yours by opening this link:",
      link,
      "",
      "If you did not make a Parley account, ignore this mail.",
    ].join("\n"),
  };
}

export function meetingInvitationMessage({
  invitedBy,
  meeting,
  link,
  startsAt,
  inviteeName,
}: {
  invitedBy: string;
  meeting: string;
  link: string;
  startsAt: Date | null;
  inviteeName: string | null;
}): Message {
  return {
    subject: `${invitedBy} invited you to “${meeting}”`,
    text: [
      inviteeName ? `Hello ${inviteeName},` : "Hello,",
      "",
      `${invitedBy} invited you to the video meeting “${meeting}” on Parley.`,
      ...(startsAt
        ? [`It starts ${startsAt.toUTCString()} (the attached calendar file has it in your time zone).`]
        : []),
      "",
      "Join with this link (it is yours alone and works once; no account needed):",
      link,
    ].join("\n"),
  };
}
