import "server-only";
import type { ParticipantInfo } from "livekit-server-sdk";
import { attendeeKind, type PresentParticipant } from "./attendance";

/** A LiveKit participant as attendance records it. */
export function presentParticipant(info: ParticipantInfo, fallbackJoinedAt: Date): PresentParticipant {
  const joinedMs = Number(info.joinedAtMs) || Number(info.joinedAt) * 1000;
  return {
    sid: info.sid,
    identity: info.identity,
    name: info.name || info.identity,
    kind: attendeeKind(info.attributes),
    joinedAt: joinedMs > 0 ? new Date(joinedMs) : fallbackJoinedAt,
  };
}
