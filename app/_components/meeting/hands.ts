"use client";
// Raised hands, read from the participant attribute the server sets (ATTRIBUTES.hand: when the hand
// went up). Everyone, latecomers included, sees the same queue: oldest first.
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent, type Participant, type Room } from "livekit-client";
import { useEffect, useState } from "react";
import { ATTRIBUTES } from "@/lib/meetings/attributes";

export type RaisedHand = { participant: Participant; since: number };

/** When this person raised their hand, or null while it is down. */
export const handRaisedAt = (participant: Participant): number | null =>
  Number(participant.attributes[ATTRIBUTES.hand]) || null;

function queueIn(room: Room): RaisedHand[] {
  const everyone: Participant[] = [room.localParticipant, ...room.remoteParticipants.values()];
  return everyone
    .map((participant) => ({ participant, since: handRaisedAt(participant) ?? 0 }))
    .filter((hand) => hand.since > 0)
    .sort((a, b) => a.since - b.since || a.participant.identity.localeCompare(b.participant.identity));
}

const QUEUE_EVENTS = [
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.Connected,
  RoomEvent.Reconnected,
] as const;

/** Everyone whose hand is up, in the order they raised it, kept current. */
export function useRaisedHands(): RaisedHand[] {
  const room = useRoomContext();
  const [hands, setHands] = useState<RaisedHand[]>(() => queueIn(room));
  useEffect(() => {
    const read = () => setHands(queueIn(room));
    read();
    for (const event of QUEUE_EVENTS) room.on(event, read);
    return () => {
      for (const event of QUEUE_EVENTS) room.off(event, read);
    };
  }, [room]);
  return hands;
}

/** A clock that ticks every `everyMs`, for "waiting 2 min". */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
