// What hosts may send to the moderation routes, and the notices the people affected receive;
// shared by the meeting page and the server.
import { z } from "zod";

export const MUTABLE_SOURCES = ["microphone", "camera", "screen_share"] as const;
export type MutableSource = (typeof MUTABLE_SOURCES)[number];

export const muteSchema = z
  .object({ source: z.enum(MUTABLE_SOURCES, { message: "Choose microphone, camera or screen_share." }) })
  .strict();

export const cohostSchema = z
  .object({ cohost: z.boolean({ message: "Say true (make co-host) or false (no longer co-host)." }) })
  .strict();

// Notices travel as LiveKit data messages from the server (never from a participant) on this topic.
export const NOTICE_TOPIC = "parley.notice";

export const NOTICE_KINDS = [
  "microphone_muted",
  "camera_stopped",
  "screen_share_stopped",
  "everyone_muted",
  "made_cohost",
  "hand_lowered",
  "cohost_removed",
  "removed",
  "access_revoked",
  "meeting_ended",
  "room_closed",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const noticeSchema = z.object({ kind: z.enum(NOTICE_KINDS), by: z.string().max(200) }).strict();
export type Notice = z.infer<typeof noticeSchema>;

/** After these, the person is out of the meeting. */
export const FINAL_NOTICES: readonly NoticeKind[] = ["removed", "access_revoked", "meeting_ended", "room_closed"];

/**
 * Why a person is no longer in the meeting, as the server knows it (GET /api/rooms/[slug]/departure),
 * for when the notice sent just before did not reach them: who removed them or revoked the
 * access they came in with; who last ended the meeting for everyone; whether an admin closed the room.
 */
export type Departure = {
  removedBy: string | null;
  accessRevokedBy: string | null;
  endedBy: string | null;
  roomClosed: boolean;
};
