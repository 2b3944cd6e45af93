"use client";
// What several parts of the meeting page read at once, gathered in one place: the queue of raised
// hands (tiles, the participants panel, the announcements) and the reactions floating now (tiles).
import { useDataChannel } from "@livekit/components-react";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { REACTION_TOPIC, reactionEventSchema, type Reaction } from "@/lib/in-meeting/rules";
import { useRaisedHands, type RaisedHand } from "./hands";

/** How long a reaction floats over the tile. */
export const REACTION_SHOWN_MS = 4000;

export type FloatingReaction = { id: string; identity: string; emoji: Reaction };

const RaisedHandsContext = createContext<RaisedHand[]>([]);
const ReactionsContext = createContext<FloatingReaction[]>([]);

export const useRaisedHandsContext = () => useContext(RaisedHandsContext);
export const useFloatingReactions = () => useContext(ReactionsContext);

let counter = 0;

export function InMeetingProvider({ children }: { children: ReactNode }) {
  const hands = useRaisedHands();
  const [reactions, setReactions] = useState<FloatingReaction[]>([]);

  const onReaction = useCallback((message: { payload: Uint8Array; from?: unknown }) => {
    // Only the server relays reactions (after its rate limit); a participant's own data is ignored.
    if (message.from !== undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(message.payload));
    } catch {
      return;
    }
    const event = reactionEventSchema.safeParse(parsed);
    if (!event.success) return;
    const floating = { id: `r${++counter}`, identity: event.data.identity, emoji: event.data.emoji };
    setReactions((current) => [...current.slice(-30), floating]);
    setTimeout(() => setReactions((current) => current.filter((r) => r.id !== floating.id)), REACTION_SHOWN_MS);
  }, []);
  useDataChannel(REACTION_TOPIC, onReaction);

  return (
    <RaisedHandsContext.Provider value={hands}>
      <ReactionsContext.Provider value={reactions}>{children}</ReactionsContext.Provider>
    </RaisedHandsContext.Provider>
  );
}
