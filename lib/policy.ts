// Who may do what in a room. Every rule is checked on the server; the UI only mirrors it.
import { AppError } from "./http";

/**
 * A caller's standing in one room:
 * - anonymous: not signed in, and no guest pass for this room
 * - member: signed in, admitted by no invite link
 * - viewer, participant, cohost: admitted by an invite link in that role (member or guest)
 * - host: the room's owner, or an admin of this Parley
 */
export type Standing = "anonymous" | "member" | "viewer" | "participant" | "cohost" | "host";

export type RoomAction =
  | "joinMeeting"
  | "manageInvites"
  | "changeSettings"
  | "viewHistory"
  | "manageDoor"
  | "lockRoom"
  // in the meeting: mute, stop a camera or a screen share, remove, let back in, mute everyone
  | "moderateParticipants"
  | "appointCohosts"
  | "endMeetingForEveryone"
  // raise one's hand, react, read and write the chat (lib/in-meeting/: only while in the meeting)
  | "takePart"
  | "lowerHands"
  | "switchChat"
  // start and stop recording the meeting; list, play and download its recordings; delete one (lib/recordings/)
  | "recordMeeting"
  | "watchRecordings"
  | "deleteRecordings";

type Rule = boolean | "if the room admits members";

// prettier-ignore
const RULES: Record<RoomAction, Record<Standing, Rule>> = {
  //               anonymous  member                          viewer  participant  cohost  host
  joinMeeting:    { anonymous: false, member: "if the room admits members", viewer: true,  participant: true,  cohost: true, host: true },
  manageInvites:  { anonymous: false, member: false,                        viewer: false, participant: false, cohost: true, host: true },
  changeSettings: { anonymous: false, member: false,                        viewer: false, participant: false, cohost: true, host: true },
  viewHistory:    { anonymous: false, member: false,                        viewer: false, participant: false, cohost: false, host: true },
  // the waiting room: see who knocks, watch their camera, admit or deny them (lib/door/)
  manageDoor:     { anonymous: false, member: false,                        viewer: false, participant: false, cohost: true,  host: true },
  lockRoom:       { anonymous: false, member: false,                        viewer: false, participant: false, cohost: true,  host: true },
  // in the meeting (lib/moderation/)
  moderateParticipants:  { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
  appointCohosts:        { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
  endMeetingForEveryone: { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
  // in the meeting, for everyone in it (viewers too); lower anyone's hand, turn chat off (lib/in-meeting/)
  takePart:              { anonymous: false, member: "if the room admits members", viewer: true, participant: true, cohost: true,  host: true },
  lowerHands:            { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
  switchChat:            { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
  // recording (lib/recordings/): the room's owner, its co-hosts and admins
  recordMeeting:         { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
  watchRecordings:       { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
  deleteRecordings:      { anonymous: false, member: false,                 viewer: false, participant: false, cohost: true,  host: true },
};

export type RoomForPolicy = { joinPolicy: "MEMBERS" | "INVITE_ONLY" };

export function isAllowed(action: RoomAction, standing: Standing, room: RoomForPolicy): boolean {
  const rule = RULES[action][standing];
  return rule === "if the room admits members" ? room.joinPolicy === "MEMBERS" : rule;
}

/** Throws the error a caller should see when the rule says no. */
export function authorize(action: RoomAction, standing: Standing, room: RoomForPolicy): void {
  if (isAllowed(action, standing, room)) return;
  if (standing === "anonymous")
    throw new AppError("unauthenticated", "Sign in, or open the invite link you were sent.");
  if (action === "joinMeeting" || action === "takePart")
    throw new AppError("invite_required", "This meeting is invite-only. Ask the host for an invite link.");
  throw new AppError("forbidden", "Only the meeting's hosts can do that.");
}

const ORDER: readonly Standing[] = ["anonymous", "member", "viewer", "participant", "cohost", "host"];

/** The stronger of two standings (e.g. a host who opens a viewer link stays a host). */
export function strongerStanding(a: Standing, b: Standing): Standing {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** Hosts and co-hosts manage the room; what they publish is a participant's. */
export function publishingRole(standing: Standing): "participant" | "viewer" {
  return standing === "viewer" ? "viewer" : "participant";
}
