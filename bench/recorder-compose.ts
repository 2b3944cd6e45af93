// npm run bench:recorder-compose [-- --minutes 1 --people 2,4] — how long composing a recording
// takes (lib/recordings/compose-plan.ts's ffmpeg command, as the app runs it), per minute of
// meeting, for 2 and 4 people. The per-track files are made here by ffmpeg itself (a 1280x720
// VP8 test pattern at 30 fps, ~1.5 Mbit/s like a browser's top simulcast layer, and Opus voice),
// standing in for what parley-recorder writes. Measures no browser and no recorder: the
// recorder's own CPU and memory per participant are not measured yet.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { composeArguments, type RecorderManifest } from "../lib/recordings/compose-plan";
import { printMachine, printTable, writeResult } from "./lib/report";

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const minutes = Number(argument("minutes", "1"));
const peopleCounts = argument("people", "2,4").split(",").map(Number);
const FFMPEG = process.env.FFMPEG_PATH ?? "/usr/bin/ffmpeg";

function ffmpeg(args: string[]): void {
  const result = spawnSync(
    FFMPEG,
    args[0] === "-hide_banner" ? args : ["-hide_banner", "-loglevel", "error", "-y", ...args],
    {
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
}

const dir = mkdtempSync(path.join(tmpdir(), "parley-bench-compose-"));
const seconds = minutes * 60;
console.log(`Making ${minutes} min of one person's tracks in ${dir}...`);
ffmpeg([
  "-f",
  "lavfi",
  "-i",
  `testsrc2=s=1280x720:r=30:d=${seconds}`,
  "-c:v",
  "libvpx",
  "-b:v",
  "1500k",
  "-deadline",
  "realtime",
  "-cpu-used",
  "8",
  path.join(dir, "camera.ivf"),
]);
ffmpeg(["-f", "lavfi", "-i", `sine=f=440:d=${seconds}`, "-c:a", "libopus", "-b:a", "32k", path.join(dir, "voice.ogg")]);
const trackBytes = statSync(path.join(dir, "camera.ivf")).size + statSync(path.join(dir, "voice.ogg")).size;

printMachine();
const rows: (string | number)[][] = [];
const results: Record<string, unknown>[] = [];
for (const people of peopleCounts) {
  const startedAt = Date.now();
  const manifest: RecorderManifest = {
    id: "bench",
    state: "stopped",
    startedAt,
    stoppedAt: startedAt + seconds * 1000,
    tracks: Array.from({ length: people }, (_, i) => [
      { sid: `V${i}`, kind: "video" as const, file: "camera.ivf", clockRate: 90_000 },
      { sid: `A${i}`, kind: "audio" as const, file: "voice.ogg", clockRate: 48_000 },
    ])
      .flat()
      .map((track, index) => ({
        ...track,
        source: track.kind === "video" ? "camera" : "microphone",
        codec: track.kind === "video" ? "video/VP8" : "audio/opus",
        identity: `p${Math.floor(index / 2)}`,
        name: `Person ${Math.floor(index / 2)}`,
        firstRtp: 0,
        firstArrivalMs: startedAt + 1,
        bytes: 0,
        samples: 1,
      })),
  };
  const output = path.join(dir, `composed-${people}.mp4`);
  const began = process.hrtime.bigint();
  ffmpeg(composeArguments(manifest, dir, output, seconds * 1000));
  const tookSeconds = Number(process.hrtime.bigint() - began) / 1e9;
  const composedBytes = statSync(output).size;
  rows.push([
    people,
    `${(tookSeconds / minutes).toFixed(1)} s`,
    `${(((composedBytes / minutes) * 60) / 1e6).toFixed(0)} MB`,
  ]);
  results.push({ people, minutes, composeSeconds: tookSeconds, composedBytes });
}
printTable(["people", "compose time per meeting minute", "composed MP4 per meeting hour"], rows);
console.log(
  `Input per participant-hour (the stand-in tracks; a browser's top layer is similar): ${(((trackBytes / minutes) * 60) / 1e9).toFixed(2)} GB`,
);
console.log(`written to ${writeResult("recorder-compose", { minutes, trackBytes, results })}`);
rmSync(dir, { recursive: true, force: true });
