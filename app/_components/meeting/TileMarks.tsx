"use client";
// Parley's marks laid over a person's tile (./Tile.tsx): a raised hand (and its place in the queue)
// and the reactions the person sends, floating up for a few seconds.
import { useParticipantAttribute } from "@livekit/components-react";
import type { Participant } from "livekit-client";
import { useTranslations } from "next-intl";
import { ATTRIBUTES } from "@/lib/meetings/attributes";
import { useRaisedHandsContext } from "./InMeetingContext";
import { TileReactions } from "./Reactions";

/** What shows over a person's tile: their hand while it is up, and their reactions. */
export function TileMarks({ participant }: { participant: Participant }) {
  const t = useTranslations("meeting.tile");
  const raised = useParticipantAttribute(ATTRIBUTES.hand, { participant });
  const queue = useRaisedHandsContext();
  const place = queue.findIndex((hand) => hand.participant.identity === participant.identity);
  return (
    <div className="tile-marks">
      {raised ? (
        <span className="tile-hand" data-testid="tile-hand" title={t("handRaised")}>
          <span aria-hidden="true">✋</span>
          {place >= 0 ? <span className="tile-hand-place">{place + 1}</span> : null}
          <span className="visually-hidden">
            {place >= 0 ? t("handQueuedSpoken", { place: place + 1 }) : t("handRaisedSpoken")}
          </span>
        </span>
      ) : null}
      <TileReactions identity={participant.identity} />
    </div>
  );
}
