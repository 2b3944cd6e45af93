"use client";
// What several parts of the meeting page read at once, gathered in one place: the queue of raised
// hands (tiles, the participants panel, the announcements) and the reactions floating now (tiles).
import { useDataChannel } from "@livekit/components-react";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { REACTION_TOPIC, reactionEventSchema, type Reaction } from "@/lib/in-meeting/rules";
import { useRaisedHands, type RaisedHand } from "./hands";
import { serverMessage, type DataMessage } from "./server-message";

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

  // Only the server relays reactions (after its rate limit).
  const onReaction = useCallback((message: DataMessage) => {
    const event = serverMessage(message, reactionEventSchema);
    if (!event) return;
    const floating = { id: `r${++counter}`, identity: event.identity, emoji: event.emoji };
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
