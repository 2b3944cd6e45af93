// Reads what the app mailed, from the Mailpit that `npm test` started (scripts/test.ts), over
// Mailpit's HTTP API.
import { stack } from "./stack";

type Address = { Name: string; Address: string };
export type MailSummary = { ID: string; Subject: string; To: Address[]; Created: string; Attachments: number };
export type Mail = MailSummary & {
  Text: string;
  Attachments: { PartID: string; FileName: string; ContentType: string }[];
};

function mailpitUrl(): string {
  return stack.mailpitUrl;
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${mailpitUrl()}/api/v1/${path}`);
  if (!response.ok) throw new Error(`Mailpit answered ${response.status} to ${path}`);
  return (await response.json()) as T;
}

/** Every message to `address`, newest first. */
export async function mailsTo(address: string): Promise<MailSummary[]> {
  const { messages } = await api<{ messages: MailSummary[] }>(
    `search?query=${encodeURIComponent(`to:"${address}"`)}&limit=50`,
  );
  return messages.filter((message) => message.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
}

/**
 * The newest message to `address` (with this subject, if given), waiting up to 15 s for
 * `count` of them to arrive.
 */
export async function waitForMail(address: string, count = 1, subject?: string | RegExp): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  const matches = (message: MailSummary) =>
    subject === undefined ||
    (typeof subject === "string" ? message.Subject === subject : subject.test(message.Subject));
  for (;;) {
    const found = (await mailsTo(address)).filter(matches);
    if (found.length >= count) return api<Mail>(`message/${found[0]!.ID}`);
    if (Date.now() > deadline)
      throw new Error(`no mail to ${address} arrived in Mailpit (found ${found.length} of ${count})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An attachment's bytes as text. */
export async function attachmentText(mail: Mail, fileName: string): Promise<string> {
  const part = mail.Attachments.find((attachment) => attachment.FileName === fileName);
  if (!part)
    throw new Error(
      `the mail has no attachment named ${fileName} (it has: ${mail.Attachments.map((a) => a.FileName).join(", ") || "none"})`,
    );
  const response = await fetch(`${mailpitUrl()}/api/v1/message/${mail.ID}/part/${part.PartID}`);
  return response.text();
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: Mail, prefix: string): string {
  const link = mail.Text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no link starting with ${prefix} in:\n${mail.Text}`);
  return link;
}
