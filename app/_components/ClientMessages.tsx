// Hands the client components below only the parts of the catalogue they read. The root layout
// gives every page "common" and "errors"; a page gives its own client components their namespaces
// here ("meeting", or a part such as "invites.copyInviteLink"). A provider replaces, not extends,
// the messages of the one above it. The whole catalogue in every page's payload was most of its
// HTML and of the server's work and garbage per request (docs/benchmarks.md, section 4).
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick-messages";

/** What a meeting's client components read: the meeting, its connection check, the invite link. */
export const MEETING_MESSAGES = ["meeting", "check", "invites.copyInviteLink"];

export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const messages: AbstractIntlMessages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
