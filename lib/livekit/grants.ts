// The LiveKit grants each kind of participant gets. Every field is set: LiveKit treats an
// unset canPublish / canSubscribe / canPublishData as true.
import { TrackSource, type VideoGrant } from "livekit-server-sdk";

export type MeetingRole = "participant";

export function grantsFor(role: MeetingRole, room: string): VideoGrant {
  switch (role) {
    case "participant":
      return {
        room,
        roomJoin: true,
        roomCreate: false,
        roomList: false,
        roomRecord: false,
        roomAdmin: false,
        ingressAdmin: false,
        hidden: false,
        recorder: false,
        agent: false,
        canPublish: true,
        canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO],
        canSubscribe: true,
        canPublishData: true,
        canUpdateOwnMetadata: false,
      };
  }
}
