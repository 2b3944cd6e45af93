import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/recordings/byte-range";
import {
  composeArguments,
  gridFor,
  trackStarts,
  type RecorderManifest,
  type RecorderTrack,
} from "@/lib/recordings/compose-plan";
import { readRoomRecordingMetadata } from "@/lib/recordings/rules";

const START = 1_700_000_000_000;

function track(
  sid: string,
  kind: "audio" | "video",
  identity: string,
  extra: Partial<RecorderTrack> = {},
): RecorderTrack {
  return {
    sid,
    kind,
    source: kind === "audio" ? "microphone" : "camera",
    codec: kind === "audio" ? "audio/opus" : "video/VP8",
    file: `${sid}.${kind === "audio" ? "ogg" : "ivf"}`,
    identity,
    name: identity,
    clockRate: kind === "audio" ? 48_000 : 90_000,
    firstRtp: 0,
    firstArrivalMs: START,
    bytes: 100,
    samples: 10,
    ...extra,
  };
}

const manifest = (tracks: RecorderTrack[]): RecorderManifest => ({
  id: "r1",
  state: "stopped",
  startedAt: START,
  tracks,
});

describe("where each track starts in a recording", () => {
  it("lines a person's video up with their audio by capture time, not by arrival", () => {
    // Both captured at the same instant (NTP 10 s into the publisher's clock); the video arrived 120 ms later.
    const audio = track("A", "audio", "ann", {
      firstRtp: 48_000,
      firstArrivalMs: START + 1_000,
      senderReport: { ntpMs: 10_000, rtp: 0 },
    });
    const video = track("V", "video", "ann", {
      firstRtp: 90_000,
      firstArrivalMs: START + 1_120,
      senderReport: { ntpMs: 10_000, rtp: 0 },
    });
    const starts = trackStarts(manifest([audio, video]));
    expect(starts.get("A")).toBe(1_000);
    expect(starts.get("V")).toBe(1_000);
  });

  it("reads RTP timestamps across their wrap at 2^32", () => {
    const audio = track("A", "audio", "ann", {
      firstRtp: 0, // 0.1 s after a report taken 4800 samples before the wrap
      firstArrivalMs: START + 500,
      senderReport: { ntpMs: 50_000, rtp: 2 ** 32 - 4_800 },
    });
    const video = track("V", "video", "ann", {
      firstRtp: 90_000 * 2, // 2 s after its report
      firstArrivalMs: START + 2_500, // 100 ms more delay on the way than the audio had
      senderReport: { ntpMs: 50_000, rtp: 0 },
    });
    const starts = trackStarts(manifest([audio, video]));
    expect(starts.get("A")).toBe(500);
    expect(starts.get("V")).toBe(2_400);
  });

  it("falls back to arrival without a sender report, and never starts before the recording", () => {
    const starts = trackStarts(
      manifest([
        track("A", "audio", "ann", { firstArrivalMs: START + 3_000 }),
        track("B", "audio", "bob", { firstArrivalMs: START - 50 }),
      ]),
    );
    expect(starts.get("A")).toBe(3_000);
    expect(starts.get("B")).toBe(0);
  });
});

describe("the ffmpeg command for a recording", () => {
  it("puts every camera in a grid tile and mixes every voice, for exactly the recording's length", () => {
    const args = composeArguments(
      manifest([
        track("V1", "video", "ann"),
        track("A1", "audio", "ann"),
        track("V2", "video", "bob", { firstArrivalMs: START + 2_000 }),
        track("A2", "audio", "bob", { firstArrivalMs: START + 2_000 }),
        track("V3", "video", "cyd", { firstArrivalMs: 0, samples: 0 }), // never sent a frame: no tile
      ]),
      "/rec/r1",
      "/rec/r1/out.mp4",
      15_000,
    );
    const graph = args[args.indexOf("-filter_complex") + 1]!;
    expect(args.filter((arg) => arg === "-i")).toHaveLength(4);
    expect(args).toContain("/rec/r1/V1.ivf");
    expect(args).not.toContain("/rec/r1/V3.ivf");
    expect(graph).toContain("xstack=inputs=2:layout=0_0|640_0");
    expect(graph).toContain("tpad=start_duration=2.000");
    expect(graph).toContain("adelay=delays=2000");
    expect(graph).toContain("amix=inputs=2");
    expect(args[args.indexOf("-t") + 1]).toBe("15.000");
    expect(args[args.indexOf("-reinit_filter") + 1]).toBe("0");
    expect(args.at(-1)).toBe("/rec/r1/out.mp4");
  });

  it("makes a black, silent video of a recording nobody published in", () => {
    const args = composeArguments(manifest([]), "/rec/r1", "/rec/r1/out.mp4", 3_000);
    expect(args).toContain("color=c=black:s=640x360:r=25");
    expect(args).toContain("anullsrc=r=48000:cl=stereo");
  });

  it("grows the grid by columns first", () => {
    expect([1, 2, 3, 4, 5, 9, 10].map(gridFor)).toEqual([
      { columns: 1, rows: 1 },
      { columns: 2, rows: 1 },
      { columns: 2, rows: 2 },
      { columns: 2, rows: 2 },
      { columns: 3, rows: 2 },
      { columns: 3, rows: 3 },
      { columns: 4, rows: 3 },
    ]);
  });
});

describe("byte ranges", () => {
  it("reads the forms a player sends, and refuses what lies outside the file", () => {
    expect(parseByteRange(null, 1000)).toBeNull();
    expect(parseByteRange("bytes=0-", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange("bytes=100-199", 1000)).toEqual({ start: 100, end: 199 });
    expect(parseByteRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=5-4", 1000)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=0-1,5-6", 1000)).toBeNull();
    expect(parseByteRange("items=0-1", 1000)).toBeNull();
  });
});

describe("the room's recording metadata", () => {
  it("takes only what Parley writes there", () => {
    expect(readRoomRecordingMetadata('{"recording":{"by":"Ann","since":5}}')).toEqual({
      recording: { by: "Ann", since: 5 },
    });
    expect(readRoomRecordingMetadata('{"recordingInterrupted":7}')).toEqual({ recordingInterrupted: 7 });
    expect(readRoomRecordingMetadata('{"recording":{"by":3}}')).toEqual({});
    expect(readRoomRecordingMetadata("not json")).toEqual({});
    expect(readRoomRecordingMetadata(undefined)).toEqual({});
  });
});
