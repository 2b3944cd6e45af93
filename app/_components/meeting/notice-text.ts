// The sentence a person reads about what was done to them in a meeting, and by whom, from the
// notice the server sent (./ModerationNotices.tsx) or what it says afterwards (./departure.ts).
import type { Notice, NoticeKind } from "@/lib/moderation/rules";
import type { MeetingT } from "./meeting-t";

const BY_SOMEONE = {
  microphone_muted: "microphoneMuted",
  camera_stopped: "cameraStopped",
  screen_share_stopped: "screenShareStopped",
  everyone_muted: "everyoneMuted",
  made_cohost: "madeCohost",
  hand_lowered: "handLowered",
  cohost_removed: "cohostRemoved",
  removed: "removed",
  access_revoked: "accessRevoked",
  meeting_ended: "meetingEnded",
} as const satisfies Record<Exclude<NoticeKind, "room_closed">, string>;

export function noticeText(t: MeetingT, { kind, by }: Notice): string {
  // An administrator closes a room for everyone, unnamed.
  if (kind === "room_closed") return t("notices.roomClosed");
  return t(`notices.${BY_SOMEONE[kind]}`, { by });
}
