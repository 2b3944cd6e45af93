import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/recordings/byte-range";
import {
  composeArguments,
  gridFor,
  nameFileOf,
  progressFrom,
  trackStarts,
  type RecorderManifest,
  type RecorderTrack,
} from "@/lib/recordings/compose-plan";
import { interruptedMetadata, readRoomRecordingMetadata } from "@/lib/recordings/rules";
import { ivfFrameTimes, pausesIn } from "@/lib/recordings/video-pauses";

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

  it("covers a tile with its person's name, on grey, while their camera sent nothing; other tiles are left", () => {
    const bob = track("V2", "video", "bob", { firstArrivalMs: START + 2_000, name: "Bob: 100% 'here'" });
    const args = composeArguments(
      manifest([track("V1", "video", "ann"), bob]),
      "/rec/r1",
      "/rec/r1/out.mp4",
      15_000,
      new Map([
        [
          "V2",
          [
            { fromMs: 1_000, toMs: 4_500 },
            { fromMs: 8_000, toMs: 9_000 },
          ],
        ],
      ]),
    );
    const graph = args[args.indexOf("-filter_complex") + 1]!;
    const [annTile, bobTile] = graph.split(";");
    expect(annTile).not.toContain("drawbox");
    // Bob's track starts 2 s in: his pauses are at 3-6.5 s and 10-11 s of the recording.
    const during = "enable='between(t,3.000,6.500)+between(t,10.000,11.000)'";
    expect(bobTile).toContain(`drawbox=x=0:y=0:w=iw:h=ih:color=0x202124:t=fill:${during}`);
    // The name is read from a file, never put into the filter graph, and not expanded.
    expect(bobTile).toContain(`drawtext=font=Sans:expansion=none:textfile=${nameFileOf(bob)}:`);
    expect(bobTile).toContain(during);
    expect(graph).not.toContain("Bob");
    expect(nameFileOf(bob)).toBe("name-V2.txt");
    expect(nameFileOf({ ...bob, sid: "TR/../x y" })).toBe("name-TR____x_y.txt");
  });

  it("reports its progress on stdout, read from the last whole out_time_us", () => {
    const args = composeArguments(manifest([track("V1", "video", "ann")]), "/rec/r1", "/rec/r1/out.mp4", 10_000);
    expect(args[args.indexOf("-progress") + 1]).toBe("pipe:1");
    const report = (us: number) => `frame=10\nout_time_us=${us}\nout_time=00:00:01.000000\nprogress=continue\n`;
    expect(progressFrom("frame=1\n", 10_000)).toBeNull();
    expect(progressFrom(report(2_500_000), 10_000)).toBe(0.25);
    expect(progressFrom(report(2_500_000) + report(7_500_000), 10_000)).toBe(0.75);
    // ffmpeg may run past the recording's length by a frame: never more than all of it.
    expect(progressFrom(report(10_040_000), 10_000)).toBe(1);
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

  it("says a recording broke off for a full disk only when the recorder said so", () => {
    const full = interruptedMetadata("the disk is full", 9);
    expect(full).toEqual({ recordingInterrupted: 9, recordingInterruptedReason: "disk_full" });
    expect(readRoomRecordingMetadata(JSON.stringify(full))).toEqual(full);
    expect(interruptedMetadata("the connection to the meeting was lost (timeout)", 9)).toEqual({
      recordingInterrupted: 9,
    });
    // A reason alone, or one Parley does not write, is not taken.
    expect(readRoomRecordingMetadata('{"recordingInterruptedReason":"disk_full"}')).toEqual({});
    expect(readRoomRecordingMetadata('{"recordingInterrupted":9,"recordingInterruptedReason":"x"}')).toEqual({
      recordingInterrupted: 9,
    });
  });
});

/** An IVF file's bytes as parley-recorder writes them: 90 kHz, each frame's time as its pts. */
function ivf(framePts: number[], frameSize = 5): Uint8Array {
  const header = Buffer.alloc(32);
  header.write("DKIF", 0);
  header.writeUInt16LE(32, 6);
  header.write("VP80", 8);
  header.writeUInt32LE(90_000, 16);
  header.writeUInt32LE(1, 20);
  const frames = framePts.map((pts) => {
    const frame = Buffer.alloc(12 + frameSize, 7);
    frame.writeUInt32LE(frameSize, 0);
    frame.writeBigUInt64LE(BigInt(pts), 4);
    return frame;
  });
  return Buffer.concat([header, ...frames]);
}

const reader = (bytes: Uint8Array) => async (position: number, length: number) =>
  bytes.subarray(position, position + length);

describe("when a camera sent nothing", () => {
  it("reads each frame's time from an IVF file, from its first frame, in ms", async () => {
    const bytes = ivf([900_000, 903_000, 906_000, 1_080_000]);
    expect((await ivfFrameTimes(reader(bytes), bytes.length)).map(Math.round)).toEqual([0, 33, 67, 2000]);
  });

  it("stops at a frame the recorder did not finish writing", async () => {
    const bytes = ivf([0, 3_000, 6_000]);
    const cut = bytes.subarray(0, bytes.length - 2);
    expect((await ivfFrameTimes(reader(cut), cut.length)).map(Math.round)).toEqual([0, 33]);
  });

  it("refuses what is not an IVF file", async () => {
    const bytes = Buffer.from("OggS and more bytes than an IVF header has, surely enough");
    await expect(ivfFrameTimes(reader(bytes), bytes.length)).rejects.toThrow("not an IVF file");
  });

  it("finds gaps of half a second or more, one gap across a lone frame, and the silence up to the end", () => {
    const steady = (from: number, to: number) => Array.from({ length: (to - from) / 40 + 1 }, (_, i) => from + i * 40);
    const times = [...steady(0, 2_000), 3_000, ...steady(4_200, 5_000), 5_400];
    expect(pausesIn(times)).toEqual([{ fromMs: 2_000, toMs: 4_200 }]);
    expect(pausesIn(times, 9_000)).toEqual([
      { fromMs: 2_000, toMs: 4_200 },
      { fromMs: 5_400, toMs: 9_000 },
    ]);
    // Slow video (8 frames a second) is no pause; a track with one frame has nothing to compare.
    expect(pausesIn(steady(0, 2_000).filter((_, i) => i % 3 === 0))).toEqual([]);
    expect(pausesIn([0])).toEqual([]);
  });
});
