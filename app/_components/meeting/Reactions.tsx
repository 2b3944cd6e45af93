"use client";
// Reactions: a few emoji a person sends with one press; the server relays them (within its rate
// limit) and each floats over the sender's tile, for everyone, for a few seconds.
import { useTranslations } from "next-intl";
import type { ReactionResponse } from "@/app/api/rooms/[slug]/reactions/route";
import { REACTIONS, type Reaction } from "@/lib/in-meeting/rules";
import { callApi } from "../api";
import { useFloatingReactions } from "./InMeetingContext";

/** What each reaction is called, for screen readers and the tooltip. */
const REACTION_NAMES = {
  "👍": "thumbsUp",
  "👏": "applause",
  "😂": "laughter",
  "❤️": "heart",
  "🎉": "celebration",
  "😮": "surprise",
} as const satisfies Record<Reaction, string>;

export function TileReactions({ identity }: { identity: string }) {
  const mine = useFloatingReactions().filter((reaction) => reaction.identity === identity);
  if (mine.length === 0) return null;
  return (
    <div className="tile-reactions" aria-hidden="true">
      {mine.map((reaction, i) => (
        <span
          key={reaction.id}
          className="tile-reaction"
          data-testid="tile-reaction"
          style={{ left: `${15 + ((i * 23) % 60)}%` }}
        >
          {reaction.emoji}
        </span>
      ))}
    </div>
  );
}

export function ReactionPicker({ slug, onError }: { slug: string; onError: (message: string | null) => void }) {
  const t = useTranslations("meeting.reactions");
  async function send(emoji: Reaction) {
    const result = await callApi<ReactionResponse>(`/api/rooms/${encodeURIComponent(slug)}/reactions`, {
      method: "POST",
      json: { emoji },
    });
    // A refusal stays up for a while (MeetingToolbar), even if a later press gets through.
    if (!result.ok) onError(result.message);
  }
  return (
    <div className="reaction-picker" role="group" aria-label={t("label")}>
      {REACTIONS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className="reaction-button"
          aria-label={t("reactWith", { name: t(`names.${REACTION_NAMES[emoji]}`) })}
          title={t(`names.${REACTION_NAMES[emoji]}`)}
          onClick={() => void send(emoji)}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
