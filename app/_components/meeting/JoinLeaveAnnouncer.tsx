"use client";
// Says to screen readers who joined and who left, politely (after what they are reading).
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent, type RemoteParticipant } from "livekit-client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const nameOf = (participant: RemoteParticipant) => participant.name || participant.identity;

export function JoinLeaveAnnouncer() {
  const t = useTranslations("meeting.notices");
  const room = useRoomContext();
  const [said, setSaid] = useState<string[]>([]);
  useEffect(() => {
    // The last few, so two joins at once are both read; older lines are dropped.
    const say = (line: string) => setSaid((lines) => [...lines.slice(-4), line]);
    const joined = (participant: RemoteParticipant) => say(t("joined", { name: nameOf(participant) }));
    const left = (participant: RemoteParticipant) => say(t("left", { name: nameOf(participant) }));
    room.on(RoomEvent.ParticipantConnected, joined).on(RoomEvent.ParticipantDisconnected, left);
    return () => {
      room.off(RoomEvent.ParticipantConnected, joined).off(RoomEvent.ParticipantDisconnected, left);
    };
  }, [room, t]);
  return (
    <div className="visually-hidden" role="log" aria-live="polite" data-testid="join-leave-announcer">
      {said.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}
