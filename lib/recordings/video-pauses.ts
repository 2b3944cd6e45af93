// When a camera sent nothing: LiveKit's browser SDK stops the camera when it is turned off, so
// the recorder receives no frames, and the composed tile would hold the last picture. The
// recorder's IVF files carry each frame's capture time (recorder/media.go), so the gaps are read
// from them; composing shows the person's name there instead (./compose-plan.ts).

/** A span of a video track with no frames, in ms from its first frame. */
export type VideoPause = { fromMs: number; toMs: number };

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Each frame's time in an IVF file, in ms from the first frame, reading only the frame headers.
 * A file cut short (the recorder died) ends at its last whole frame.
 */
export async function ivfFrameTimes(readAt: ReadAt, fileSize: number): Promise<number[]> {
  const header = await readAt(0, 32);
  if (header.length < 32 || new TextDecoder().decode(header.subarray(0, 4)) !== "DKIF") {
    throw new Error("not an IVF file");
  }
  const fields = view(header);
  const headerLength = fields.getUint16(6, true);
  const rate = fields.getUint32(16, true);
  const scale = fields.getUint32(20, true);
  if (!rate || !scale) throw new Error("an IVF file without a time base");
  const times: number[] = [];
  let first: bigint | null = null;
  for (let position = headerLength; ;) {
    const frameHeader = await readAt(position, 12);
    if (frameHeader.length < 12) break;
    const frame = view(frameHeader);
    const size = frame.getUint32(0, true);
    const pts = frame.getBigUint64(4, true);
    const end = position + 12 + size;
    if (end > fileSize) break; // a frame whose bytes were not all written
    first ??= pts;
    times.push((Number(pts - first) * scale * 1000) / rate);
    position = end;
  }
  return times;
}

/**
 * The spans of at least `minGapMs` without a frame (video runs at 7-30 frames a second, so half a
 * second is none arriving), up to `endMs` when the track's end is known. Spans a lone frame apart
 * are one: a browser may send a frame now and then while its camera is off.
 */
export function pausesIn(timesMs: number[], endMs?: number, minGapMs = 500): VideoPause[] {
  const moments = endMs !== undefined && timesMs.length > 0 && endMs > timesMs.at(-1)! ? [...timesMs, endMs] : timesMs;
  const pauses: VideoPause[] = [];
  for (let index = 1; index < moments.length; index++) {
    const fromMs = moments[index - 1]!;
    const toMs = moments[index]!;
    if (toMs - fromMs < minGapMs) continue;
    const last = pauses.at(-1);
    if (last?.toMs === fromMs) last.toMs = toMs;
    else pauses.push({ fromMs, toMs });
  }
  return pauses;
}
