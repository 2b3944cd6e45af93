import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { logger } from "../logger";

// Outgoing mail over SMTP (SMTP_URL, MAIL_FROM). One transport per process, pooled, so a burst
// of invitations reuses connections.

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  /** A calendar file (`.ics`) attached to the message. */
  calendar?: { filename: string; content: string };
};

/** What happened at send: the server took the message, or refused it (with its words). */
export type MailOutcome = { sent: true; at: Date } | { sent: false; error: string };

let transport: Transporter | undefined;

export function mailConfigured(): boolean {
  return env().SMTP_URL !== undefined;
}

function transporter(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("mail is not configured (SMTP_URL)");
  transport ??= nodemailer.createTransport(url, { from: env().MAIL_FROM });
  return transport;
}

/** The first line of the server's answer, without the address it was about (for the admin's list). */
function reason(error: unknown): string {
  const response = (error as { response?: unknown }).response;
  const text = typeof response === "string" ? response : error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.slice(0, 200);
}

/**
 * Sends one message; never throws. A refusal (the mail server is down, or will not take this
 * recipient) comes back as `{ sent: false }` for the caller to show; a bounce that happens
 * later, after the server accepted the message, Parley cannot see.
 */
export async function sendMail(mail: OutgoingMail): Promise<MailOutcome> {
  if (!mailConfigured()) return { sent: false, error: "No mail server is configured (SMTP_URL)." };
  try {
    const info = await transporter().sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.calendar
        ? [
            {
              filename: mail.calendar.filename,
              content: mail.calendar.content,
              contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            },
          ]
        : [],
    });
    if (info.rejected.length > 0) return { sent: false, error: "The mail server refused the address." };
    return { sent: true, at: new Date() };
  } catch (error) {
    logger.warn("mail_refused", { subject: mail.subject, reason: reason(error) });
    return { sent: false, error: reason(error) };
  }
}
