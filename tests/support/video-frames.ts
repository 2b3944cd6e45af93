// Reading pictures out of a video file, to check what it shows (pixels, not only that it exists).
import { spawnSync } from "node:child_process";

/** One frame of `file` at `seconds`, as grey levels (one byte a pixel, row by row), checked to be width x height. */
export function greyFrameAt(file: string, seconds: number, width: number, height: number): Buffer {
  const result = spawnSync(
    "ffmpeg",
    ["-v", "error", "-ss", String(seconds), "-i", file, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.stdout.length !== width * height)
    throw new Error(
      `expected a ${width}x${height} frame at ${seconds} s of ${file}, got ${result.stdout.length} bytes: ${result.stderr}`,
    );
  return result.stdout;
}

/** Mean, spread and brightest of the grey levels in one rectangle of a frame `width` pixels wide. */
export function regionStats(frame: Buffer, width: number, region: { x: number; y: number; w: number; h: number }) {
  let sum = 0;
  let squares = 0;
  let brightest = 0;
  for (let y = region.y; y < region.y + region.h; y++)
    for (let x = region.x; x < region.x + region.w; x++) {
      const value = frame[y * width + x]!;
      sum += value;
      squares += value * value;
      brightest = Math.max(brightest, value);
    }
  const count = region.w * region.h;
  const mean = sum / count;
  return { mean, spread: Math.sqrt(squares / count - mean * mean), brightest };
}
