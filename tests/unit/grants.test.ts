import { TrackSource } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { connectionCheckGrants, grantsFor } from "@/lib/livekit/grants";

describe("LiveKit grants for a participant", () => {
  const grants = grantsFor("participant", "kfp-xqzt-mwe");

  it("name exactly one room", () => {
    expect(grants.room).toBe("kfp-xqzt-mwe");
    expect(grants.roomJoin).toBe(true);
  });

  it("set publish, subscribe and data explicitly (LiveKit treats unset as allowed)", () => {
    expect(grants.canPublish).toBe(true);
    expect(grants.canSubscribe).toBe(true);
    expect(grants.canPublishData).toBe(true);
  });

  it("allow camera, microphone and screen share only", () => {
    expect(grants.canPublishSources).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO]);
  });

  it("give no administrative powers", () => {
    expect(grants).toMatchObject({ roomCreate: false, roomList: false, roomRecord: false, roomAdmin: false, ingressAdmin: false, recorder: false, agent: false, hidden: false, canUpdateOwnMetadata: false });
  });
});

describe("LiveKit grants for the connection check", () => {
  const grants = connectionCheckGrants("check_0123");

  it("join that one room, publish camera and microphone, and receive and send nothing else", () => {
    expect(grants).toMatchObject({ room: "check_0123", roomJoin: true, canPublish: true, canSubscribe: false, canPublishData: false });
    expect(grants.canPublishSources).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE]);
  });

  it("give no administrative powers", () => {
    expect(grants).toMatchObject({ roomCreate: false, roomList: false, roomRecord: false, roomAdmin: false, ingressAdmin: false, recorder: false, agent: false, hidden: false, canUpdateOwnMetadata: false });
  });
});
