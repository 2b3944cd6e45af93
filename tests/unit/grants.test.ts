import { TrackSource } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { connectionCheckGrants, doorGrantsFor, grantsFor } from "@/lib/livekit/grants";

describe("LiveKit grants for a participant", () => {
  const grants = grantsFor("participant", "kfp-xqzt-mwe");

  it("name exactly one room", () => {
    expect(grants.room).toBe("kfp-xqzt-mwe");
    expect(grants.roomJoin).toBe(true);
  });

  it("set publish, subscribe and data explicitly (LiveKit treats unset as allowed); data goes through Parley", () => {
    expect(grants.canPublish).toBe(true);
    expect(grants.canSubscribe).toBe(true);
    expect(grants.canPublishData).toBe(false);
  });

  it("allow camera, microphone and screen share only", () => {
    expect(grants.canPublishSources).toEqual([
      TrackSource.CAMERA,
      TrackSource.MICROPHONE,
      TrackSource.SCREEN_SHARE,
      TrackSource.SCREEN_SHARE_AUDIO,
    ]);
  });

  it("give no administrative powers", () => {
    expect(grants).toMatchObject({
      roomCreate: false,
      roomList: false,
      roomRecord: false,
      roomAdmin: false,
      ingressAdmin: false,
      recorder: false,
      agent: false,
      hidden: false,
      canUpdateOwnMetadata: false,
    });
  });
});

describe("LiveKit grants for the connection check", () => {
  const grants = connectionCheckGrants("check_0123");

  it("join that one room, publish camera and microphone, and receive and send nothing else", () => {
    expect(grants).toMatchObject({
      room: "check_0123",
      roomJoin: true,
      canPublish: true,
      canSubscribe: false,
      canPublishData: false,
    });
    expect(grants.canPublishSources).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE]);
  });

  it("give no administrative powers", () => {
    expect(grants).toMatchObject({
      roomCreate: false,
      roomList: false,
      roomRecord: false,
      roomAdmin: false,
      ingressAdmin: false,
      recorder: false,
      agent: false,
      hidden: false,
      canUpdateOwnMetadata: false,
    });
  });
});

describe("LiveKit grants at a room's door", () => {
  const knocker = doorGrantsFor("knocker", "door.cknock0000000000000000");
  const watcher = doorGrantsFor("watcher", "door.cknock0000000000000000");

  it("name the door room only", () => {
    for (const grants of [knocker, watcher]) {
      expect(grants.room).toBe("door.cknock0000000000000000");
      expect(grants.roomJoin).toBe(true);
    }
  });

  it("let the knocker show their camera and nothing else: no microphone, no data, sees and hears nobody", () => {
    expect(knocker).toMatchObject({
      canPublish: true,
      canPublishSources: [TrackSource.CAMERA],
      canSubscribe: false,
      canPublishData: false,
      hidden: false,
    });
  });

  it("let a host watch, hidden, publishing nothing", () => {
    expect(watcher).toMatchObject({
      canPublish: false,
      canPublishSources: [],
      canSubscribe: true,
      canPublishData: false,
      hidden: true,
    });
  });

  it("give no administrative powers", () => {
    for (const grants of [knocker, watcher]) {
      expect(grants).toMatchObject({
        roomCreate: false,
        roomList: false,
        roomRecord: false,
        roomAdmin: false,
        ingressAdmin: false,
        recorder: false,
        agent: false,
        canUpdateOwnMetadata: false,
      });
    }
  });
});
