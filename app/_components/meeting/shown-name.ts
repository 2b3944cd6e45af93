// A person's name as the meeting shows it, in the page's language. The server names a guest
// "<name> (guest)" in LiveKit (lib/meetings/join-credentials.ts), words every participant sees;
// that suffix is said here in the page's language instead.
import { useParticipantInfo } from "@livekit/components-react";
import type { Participant } from "livekit-client";
import { useTranslations } from "next-intl";

const GUEST_SUFFIX = " (guest)";

export function useShownName(participant: Participant): string {
  const t = useTranslations("meeting");
  const { name } = useParticipantInfo({ participant });
  const full = name || participant.identity;
  return full.endsWith(GUEST_SUFFIX) ? t("guestName", { name: full.slice(0, -GUEST_SUFFIX.length) }) : full;
}
