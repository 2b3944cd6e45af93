"use client";
// Raising one's hand: a button and the "H" shortcut (./shortcuts.ts). The server sets the
// hand on the participant, so the button shows what everyone else sees.
import { useLocalParticipant, useParticipantAttribute } from "@livekit/components-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { HandResponse } from "@/app/api/rooms/[slug]/hand/route";
import { ATTRIBUTES } from "@/lib/meetings/attributes";
import { callApi } from "../api";
import { playChime } from "./chime";
import { useRaisedHandsContext } from "./InMeetingContext";
import { runsTheMeeting, useOwnStanding } from "./own-standing";
import { useShortcuts } from "./shortcuts";

export function RaiseHandButton({ slug, onError }: { slug: string; onError: (message: string | null) => void }) {
  const t = useTranslations("meeting.hand");
  const { localParticipant } = useLocalParticipant();
  const raised = !!useParticipantAttribute(ATTRIBUTES.hand, { participant: localParticipant });
  const [busy, setBusy] = useState(false);

  const toggle = useCallback(async () => {
    setBusy(true);
    const result = await callApi<HandResponse>(`/api/rooms/${encodeURIComponent(slug)}/hand`, {
      method: "POST",
      json: { raised: !raised },
    });
    setBusy(false);
    onError(result.ok ? null : result.message);
  }, [slug, raised, onError]);

  useShortcuts({ raiseHand: () => void toggle() });

  return (
    <button
      type="button"
      className={raised ? "meeting-action on" : "meeting-action"}
      aria-pressed={raised}
      aria-keyshortcuts="H"
      title={raised ? t("lowerTitle") : t("raiseTitle")}
      disabled={busy}
      onClick={() => void toggle()}
    >
      <span aria-hidden="true">✋</span> {raised ? t("lower") : t("raise")}
    </button>
  );
}

/**
 * Says out loud (to screen readers) who raised a hand, and chimes for hosts and co-hosts when the
 * first hand goes up: a queue that was empty needs their attention.
 */
export function HandAnnouncer() {
  const t = useTranslations("meeting.hand");
  const hands = useRaisedHandsContext();
  const runs = runsTheMeeting(useOwnStanding());
  const [said, setSaid] = useState("");
  const known = useRef<Set<string> | null>(null);

  useEffect(() => {
    const now = new Set(hands.map((hand) => hand.participant.identity));
    const before = known.current;
    known.current = now;
    // The queue as found on arrival is not news.
    if (before === null) return;
    const raised = hands.filter((hand) => !before.has(hand.participant.identity));
    if (raised.length === 0) return;
    setSaid(
      raised
        .map((hand) => {
          const place = hands.indexOf(hand) + 1;
          return hand.participant.isLocal
            ? t("raisedByYou", { place })
            : t("raisedBy", { name: hand.participant.name || hand.participant.identity, place });
        })
        .join(" "),
    );
    if (runs && before.size === 0) void playChime();
  }, [hands, runs, t]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="hand-announcer">
      {said}
    </div>
  );
}
