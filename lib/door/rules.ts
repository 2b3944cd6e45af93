// A room's door: who must knock and wait, and the limits both sides know. Shared by the
// settings form, the meeting page and the server (docs/waiting-room.md). No zod here: the meeting
// page's first load imports this module (the routes' schemas are in ./schemas.ts).
import type { Standing } from "../policy";

/** EVERYONE except hosts and co-hosts, GUESTS only (the default for new rooms), or NOBODY. */
export const WAITING_ROOM_CHOICES = ["EVERYONE", "GUESTS", "NOBODY"] as const;
export type WaitingRoomChoice = (typeof WAITING_ROOM_CHOICES)[number];

/** Whether the room makes this caller knock first. Hosts and co-hosts never wait: they run the door. */
export function mustWait(setting: WaitingRoomChoice, kind: "member" | "guest", standing: Standing): boolean {
  if (standing === "host" || standing === "cohost") return false;
  switch (setting) {
    case "NOBODY":
      return false;
    case "GUESTS":
      return kind === "guest";
    case "EVERYONE":
      return true;
  }
}

// The knocker's waiting screen reports every second; a knock not heard of for a few seconds
// belongs to a closed tab and leaves the hosts' list (it comes back if the screen reports again).
export const KNOCKER_REPORT_EVERY_MS = 1_000;
export const KNOCKER_GONE_AFTER_MS = 6_000;

export const DENIAL_MESSAGE_MAX = 200;

/** A knock id in a path: anything else is a 404 before the database is asked. */
export const isKnockId = (value: string) => /^[a-z0-9]{20,40}$/.test(value);
