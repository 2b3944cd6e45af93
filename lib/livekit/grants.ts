// The LiveKit grants each kind of participant gets. Every field is set: LiveKit treats an
// unset canPublish / canSubscribe / canPublishData as true.
import { TrackSource, type VideoGrant } from "livekit-server-sdk";

export type PublishingRole = "participant" | "viewer";

const base = {
  roomJoin: true,
  roomCreate: false,
  roomList: false,
  roomRecord: false,
  roomAdmin: false,
  ingressAdmin: false,
  hidden: false,
  recorder: false,
  agent: false,
  canSubscribe: true,
  // Chat, reactions and notices go through Parley, which stores, checks and rate-limits them and
  // sends them to the room itself: no participant sends data straight to the others.
  canPublishData: false,
  canUpdateOwnMetadata: false,
} satisfies VideoGrant;

export function grantsFor(role: PublishingRole, room: string): VideoGrant {
  switch (role) {
    case "participant":
      return {
        ...base,
        room,
        canPublish: true,
        canPublishSources: [
          TrackSource.CAMERA,
          TrackSource.MICROPHONE,
          TrackSource.SCREEN_SHARE,
          TrackSource.SCREEN_SHARE_AUDIO,
        ],
      };
    case "viewer":
      return { ...base, room, canPublish: false, canPublishSources: [] };
  }
}

/** The same rights as grantsFor, in the form LiveKit takes for someone already in the room. */
export function permissionFor(role: PublishingRole) {
  const grant = grantsFor(role, "");
  return {
    canSubscribe: grant.canSubscribe,
    canPublish: grant.canPublish,
    canPublishData: grant.canPublishData,
    canPublishSources: grant.canPublishSources ?? [],
    hidden: grant.hidden,
    recorder: grant.recorder,
    canUpdateMetadata: grant.canUpdateOwnMetadata,
    agent: grant.agent,
  };
}

/**
 * For the connection check (/check): one person alone in a room of their own, publishing a
 * camera and a microphone to see that media gets out, and receiving nothing.
 */
export function connectionCheckGrants(room: string): VideoGrant {
  return {
    ...base,
    room,
    canPublish: true,
    canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE],
    canSubscribe: false,
    canPublishData: false,
  };
}

/**
 * A door room (docs/waiting-room.md) has two kinds of people. The knocker shows their face:
 * camera only, sees and hears nothing, sends no data. A watching host or co-host sees the
 * camera, publishes nothing, and is hidden, so the knocker learns nothing of who is looking.
 */
export type DoorRole = "knocker" | "watcher";

export function doorGrantsFor(role: DoorRole, room: string): VideoGrant {
  const door = { ...base, room, canPublishData: false };
  switch (role) {
    case "knocker":
      return { ...door, canSubscribe: false, canPublish: true, canPublishSources: [TrackSource.CAMERA] };
    case "watcher":
      return { ...door, hidden: true, canSubscribe: true, canPublish: false, canPublishSources: [] };
  }
}

/**
 * parley-recorder (lib/recordings/): subscribes to everything, publishes nothing, unseen by the
 * others. `recorder` is what makes LiveKit mark the room as being recorded (Room.isRecording in
 * every browser) for as long as it is in the room.
 */
export function recorderGrants(room: string): VideoGrant {
  return { ...base, room, hidden: true, recorder: true, canPublish: false, canPublishSources: [], canSubscribe: true };
}
