// A camera turned off during a recording: LiveKit's browser SDK stops it, so the recorder gets no
// frames for a while. Composing (lib/recordings/compose.ts, with the real ffmpeg) shows the
// person's name on grey there instead of their last picture, and their camera again after.
// The track here is made by ffmpeg: a test pattern with two and a half seconds cut out.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it, vi } from "vitest";
import { greyFrameAt, regionStats } from "../support/video-frames";

const recordingsDir = path.join(mkdtempSync(path.join(tmpdir(), "parley-recordings-")), "recordings");
vi.stubEnv("RECORDINGS_DIR", recordingsDir);

const { db } = await import("@/lib/db");
const { composingProgress, composingSettled, enqueueComposing } = await import("@/lib/recordings/compose");
const { listRecordings } = await import("@/lib/recordings/recordings");
const { generateSlug } = await import("@/lib/rooms/slug");

const START = Date.now() - 60_000;
const WIDTH = 640;
const HEIGHT = 360;

function ffmpeg(args: string[]): Buffer {
  const result = spawnSync("ffmpeg", ["-v", "error", ...args], { maxBuffer: 64 * 1024 * 1024 });
  expect(result.status, result.stderr?.toString()).toBe(0);
  return result.stdout;
}

it("shows the person's name on grey while their camera sent nothing, and their camera before and after", async () => {
  const owner = await db.user.create({ data: { name: "Owner", email: `camera-off-${Date.now()}@example.org` } });
  const room = await db.room.create({ data: { slug: generateSlug(), name: "Camera off", ownerId: owner.id } });
  const recording = await db.recording.create({
    data: { roomId: room.id, state: "STOPPED", startedById: owner.id, startedByName: owner.name },
  });
  const folder = path.join(recordingsDir, recording.id);
  mkdirSync(folder, { recursive: true });

  // Twenty seconds of a test pattern at 25 frames a second, none from 2.0 to 4.5 s, as VP8 in IVF
  // (long enough that composing takes a few of ffmpeg's progress reports).
  ffmpeg([
    "-f", "lavfi", "-i", `testsrc=s=${WIDTH}x${HEIGHT}:r=25:d=20`,
    "-vf", "select='not(between(t,2,4.5))'", "-fps_mode", "passthrough",
    "-c:v", "libvpx", "-b:v", "800k", "-f", "ivf", path.join(folder, "camera.ivf"),
  ]); // prettier-ignore
  writeFileSync(
    path.join(folder, "manifest.json"),
    JSON.stringify({
      id: recording.id,
      state: "stopped",
      startedAt: START,
      stoppedAt: START + 20_000,
      tracks: [
        {
          sid: "TR_camera",
          kind: "video",
          source: "camera",
          codec: "video/VP8",
          file: "camera.ivf",
          identity: "ann",
          name: "Ann Example",
          clockRate: 90_000,
          firstRtp: 0,
          firstArrivalMs: START,
          endedAtMs: START + 20_000,
          bytes: statSync(path.join(folder, "camera.ivf")).size,
          samples: 438,
        },
      ],
    }),
  );

  // While it is composed, the history's listing says how far along it is, never going back.
  enqueueComposing(recording.id);
  let settled = false;
  const done = composingSettled().then(() => (settled = true));
  const seen: number[] = [];
  while (!settled) {
    const listed = (await listRecordings(room.id)).find((entry) => entry.id === recording.id);
    if (listed?.progress != null) seen.push(listed.progress);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await done;
  expect(
    seen.some((share) => share > 0 && share < 1),
    `progress seen: ${seen.join(", ")}`,
  ).toBe(true);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(composingProgress(recording.id)).toBeUndefined();
  expect((await listRecordings(room.id))[0]?.progress).toBeNull();
  const composed = await db.recording.findUniqueOrThrow({ where: { id: recording.id } });
  expect(composed.problem).toBeNull();
  expect(composed.state).toBe("READY");

  const frameAt = (seconds: number) => greyFrameAt(path.join(folder, "recording.mp4"), seconds, WIDTH, HEIGHT);
  const stats = (frame: Buffer, region: { x: number; y: number; w: number; h: number }) =>
    regionStats(frame, WIDTH, region);
  const whole = { x: 0, y: 0, w: WIDTH, h: HEIGHT };
  // Away from the middle, where the name is: the upper band of the tile.
  const band = { x: 0, y: 0, w: WIDTH, h: 100 };
  const middle = { x: 160, y: 140, w: 320, h: 80 };

  for (const seconds of [1, 5.5]) {
    // The test pattern: colour bars and a gradient, a picture full of contrast.
    expect(stats(frameAt(seconds), whole).spread).toBeGreaterThan(40);
  }
  const off = frameAt(3.2);
  // Grey (0x202124 is about 33 in luma) where the picture was, and white letters in the middle.
  const grey = stats(off, band);
  expect(grey.mean).toBeGreaterThan(25);
  expect(grey.mean).toBeLessThan(42);
  expect(grey.spread).toBeLessThan(3);
  expect(stats(off, middle).brightest).toBeGreaterThan(200);

  // The name file was only for ffmpeg: the folder keeps the video and the manifest.
  expect(readdirSync(folder).sort()).toEqual(["manifest.json", "recording.mp4"]);
  expect(existsSync(path.join(folder, "camera.ivf"))).toBe(false);
}, 60_000);
