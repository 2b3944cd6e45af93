"use client";
// Raising one's hand: a button and the "H" shortcut (./shortcuts.ts). The server sets the
// hand on the participant, so the button shows what everyone else sees.
import { useLocalParticipant, useParticipantAttribute } from "@livekit/components-react";
import { ParticipantEvent, type Participant } from "livekit-client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { HandResponse } from "@/app/api/rooms/[slug]/hand/route";
import { ATTRIBUTES } from "@/lib/meetings/attributes";
import { callApi } from "../api";
import { playChime } from "./chime";
import { useRaisedHandsContext } from "./InMeetingContext";
import { runsTheMeeting, useOwnStanding } from "./own-standing";
import { useShortcuts } from "./shortcuts";

/** The longest a toggle waits for LiveKit to bring the hand the server set. */
const HAND_ARRIVES_MS = 3000;

/** Resolves once the participant's hand is `raised` as LiveKit shows it, or after HAND_ARRIVES_MS. */
function handArrives(participant: Participant, raised: boolean): Promise<void> {
  const arrived = () => !!participant.attributes[ATTRIBUTES.hand] === raised;
  if (arrived()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      participant.off(ParticipantEvent.AttributesChanged, check);
      resolve();
    };
    const check = () => void (arrived() && done());
    const timer = setTimeout(done, HAND_ARRIVES_MS);
    participant.on(ParticipantEvent.AttributesChanged, check);
  });
}

export function RaiseHandButton({ slug, onError }: { slug: string; onError: (message: string | null) => void }) {
  const t = useTranslations("meeting.hand");
  const { localParticipant } = useLocalParticipant();
  const raised = !!useParticipantAttribute(ATTRIBUTES.hand, { participant: localParticipant });
  const [busy, setBusy] = useState(false);
  const queued = useRef(0);

  // One toggle at a time, each from the hand LiveKit shows once the previous one has arrived: "H"
  // pressed twice quickly raises and lowers it, where both presses would otherwise have asked to
  // raise it, from the state shown before the first arrived. (The button is disabled meanwhile.)
  const toggle = useCallback(async () => {
    queued.current += 1;
    if (queued.current > 1) return; // the toggle under way does this one next
    setBusy(true);
    while (queued.current > 0) {
      const wanted = !localParticipant.attributes[ATTRIBUTES.hand];
      const result = await callApi<HandResponse>(`/api/rooms/${encodeURIComponent(slug)}/hand`, {
        method: "POST",
        json: { raised: wanted },
      });
      if (result.ok) await handArrives(localParticipant, wanted);
      onError(result.ok ? null : result.message);
      queued.current = result.ok ? queued.current - 1 : 0;
    }
    setBusy(false);
  }, [slug, onError, localParticipant]);

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
