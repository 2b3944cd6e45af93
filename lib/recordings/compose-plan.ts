// How one recording's per-track files become one video: the ffmpeg arguments, worked out from the
// recorder's manifest.json (recorder/manifest.go). Pure, so it is unit-tested; compose.ts runs it.
import type { VideoPause } from "./video-pauses";

/** What parley-recorder writes into each recording's folder (recorder/manifest.go). */
export type RecorderManifest = {
  id: string;
  state: "recording" | "stopped" | "failed";
  error?: string;
  startedAt: number;
  stoppedAt?: number;
  tracks: RecorderTrack[];
};

export type RecorderTrack = {
  sid: string;
  kind: "audio" | "video";
  source: string;
  codec: string;
  file: string;
  identity: string;
  name: string;
  clockRate: number;
  firstRtp: number;
  firstArrivalMs: number;
  senderReport?: { ntpMs: number; rtp: number };
  endedAtMs?: number;
  bytes: number;
  samples: number;
};

export const TILE = { width: 640, height: 360 } as const;
const FPS = 25;

const seconds = (ms: number) => (ms / 1000).toFixed(3);
// While a camera is off, its tile shows the person's name on this grey (Google Meet's, roughly).
export const PLACEHOLDER_COLOR = "0x202124";

/** The file (in ffmpeg's working directory, the recording's folder) that holds a video track's person's name. */
export const nameFileOf = (track: RecorderTrack) => `name-${track.sid.replace(/[^A-Za-z0-9_-]/g, "_")}.txt`;

/**
 * The filters that cover a tile with its person's name while their camera sent nothing. Times are
 * the tile's own, from the recording's start: `startMs` is where the track begins in it.
 */
function placeholderFilters(track: RecorderTrack, startMs: number, pauses: VideoPause[]): string {
  if (pauses.length === 0) return "";
  const during = pauses
    .map((pause) => `between(t,${seconds(startMs + pause.fromMs)},${seconds(startMs + pause.toMs)})`)
    .join("+");
  return (
    `,drawbox=x=0:y=0:w=iw:h=ih:color=${PLACEHOLDER_COLOR}:t=fill:enable='${during}'` +
    `,drawtext=font=Sans:expansion=none:textfile=${nameFileOf(track)}:fontcolor=white:fontsize=40` +
    `:x=(w-text_w)/2:y=(h-text_h)/2:enable='${during}'`
  );
}

/** A grid that holds `count` tiles: as many columns as rows, or one more. */
export function gridFor(count: number): { columns: number; rows: number } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}

/** RTP timestamps are 32 bits and wrap: the signed distance from `from` to `to`. */
function rtpDistance(to: number, from: number): number {
  const difference = (to - from) >>> 0;
  return difference >= 2 ** 31 ? difference - 2 ** 32 : difference;
}

/** When the first written sample was captured, on the publisher's clock (Unix ms), if a sender report says. */
function captureMs(track: RecorderTrack): number | null {
  const report = track.senderReport;
  if (!report || !track.clockRate) return null;
  return report.ntpMs + (rtpDistance(track.firstRtp, report.rtp) / track.clockRate) * 1000;
}

/**
 * Where each track starts in the recording, in ms from its start. A person's audio and video are
 * lined up by when they were captured (their RTCP sender reports share the publisher's clock),
 * placed on the recorder's clock by the least-delayed arrival among that person's tracks. A track
 * without a sender report falls back to when its first sample arrived.
 */
export function trackStarts(manifest: RecorderManifest): Map<string, number> {
  const offsetByPerson = new Map<string, number>();
  for (const track of manifest.tracks) {
    const captured = captureMs(track);
    if (captured === null || !track.firstArrivalMs) continue;
    const offset = track.firstArrivalMs - captured;
    const known = offsetByPerson.get(track.identity);
    offsetByPerson.set(track.identity, known === undefined ? offset : Math.min(known, offset));
  }
  const starts = new Map<string, number>();
  for (const track of manifest.tracks) {
    const captured = captureMs(track);
    const offset = offsetByPerson.get(track.identity);
    const onRecorderClock = captured !== null && offset !== undefined ? captured + offset : track.firstArrivalMs;
    starts.set(track.sid, Math.max(0, Math.round(onRecorderClock - manifest.startedAt)));
  }
  return starts;
}

/**
 * The tracks that have something in them, in the order they started. A sample was written once
 * its arrival is noted; the counts are only brought up to date every few seconds, so a recorder
 * killed early leaves tracks with samples in the file and 0 in the manifest.
 */
function usable(manifest: RecorderManifest, kind: "audio" | "video"): RecorderTrack[] {
  return manifest.tracks
    .filter((track) => track.kind === kind && track.firstArrivalMs > 0 && track.file)
    .sort((a, b) => a.firstArrivalMs - b.firstArrivalMs);
}

/**
 * ffmpeg's arguments: every video track a tile of a grid (black before it starts, its last frame
 * after it ends, the person's name on grey during its `pauses`, by track sid), every audio track
 * mixed in at its place, H.264 + AAC in an MP4 that a browser can start playing before it has all
 * of it. `folder` holds the track files; `output` is written. With pauses, ffmpeg runs in `folder`,
 * where each paused track's name file (`nameFileOf`) is written first.
 */
export function composeArguments(
  manifest: RecorderManifest,
  folder: string,
  output: string,
  durationMs: number,
  pauses: ReadonlyMap<string, VideoPause[]> = new Map(),
): string[] {
  const starts = trackStarts(manifest);
  const videos = usable(manifest, "video");
  const audios = usable(manifest, "audio");
  const duration = seconds(Math.max(durationMs, 1000));
  // -progress: key=value lines on stdout, twice a second, read by progressFrom() for the history.
  const args = ["-hide_banner", "-loglevel", "error", "-y", "-progress", "pipe:1", "-stats_period", "0.5"];
  const filters: string[] = [];
  let input = 0;

  const { columns, rows } = gridFor(videos.length);
  const width = TILE.width * columns;
  const height = TILE.height * rows;
  if (videos.length === 0) {
    args.push("-f", "lavfi", "-i", `color=c=black:s=${width}x${height}:r=${FPS}`);
    filters.push(`[${input++}:v]null[grid]`);
  } else {
    const tiles: string[] = [];
    const layout: string[] = [];
    videos.forEach((track, index) => {
      // The picture size changes as LiveKit moves between simulcast layers: keep one filter graph.
      args.push("-reinit_filter", "0", "-i", `${folder}/${track.file}`);
      const startMs = starts.get(track.sid) ?? 0;
      filters.push(
        `[${input++}:v]fps=${FPS},scale=${TILE.width}:${TILE.height}:force_original_aspect_ratio=decrease,` +
          `pad=${TILE.width}:${TILE.height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p,` +
          `tpad=start_duration=${seconds(startMs)}:start_mode=add:color=black` +
          `${placeholderFilters(track, startMs, pauses.get(track.sid) ?? [])}[tile${index}]`,
      );
      tiles.push(`[tile${index}]`);
      layout.push(`${(index % columns) * TILE.width}_${Math.floor(index / columns) * TILE.height}`);
    });
    if (videos.length === 1) filters.push(`${tiles[0]}null[tiles]`);
    else
      filters.push(
        `${tiles.join("")}xstack=inputs=${videos.length}:layout=${layout.join("|")}:fill=black:shortest=0[tiles]`,
      );
    filters.push(`[tiles]tpad=stop_mode=clone:stop_duration=${duration}[grid]`);
  }

  if (audios.length === 0) {
    args.push("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo");
    filters.push(`[${input++}:a]anull[sound]`);
  } else {
    const mixed: string[] = [];
    audios.forEach((track, index) => {
      args.push("-i", `${folder}/${track.file}`);
      const delay = starts.get(track.sid) ?? 0;
      filters.push(`[${input++}:a]aresample=48000,adelay=delays=${delay}:all=1[voice${index}]`);
      mixed.push(`[voice${index}]`);
    });
    filters.push(
      audios.length === 1
        ? `${mixed[0]}apad[sound]`
        : `${mixed.join("")}amix=inputs=${audios.length}:duration=longest:normalize=0,apad[sound]`,
    );
  }

  args.push(
    "-filter_complex",
    filters.join(";"),
    "-map",
    "[grid]",
    "-map",
    "[sound]",
    "-t",
    duration,
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "26",
    "-pix_fmt",
    "yuv420p",
    "-c:a",
    "aac",
    "-b:a",
    "96k",
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
    output,
  );
  return args;
}

/**
 * How much of the video is made (0 to 1), from what ffmpeg's `-progress` has written so far (its
 * last `out_time_us`), or null before it says.
 */
export function progressFrom(output: string, durationMs: number): number | null {
  const times = [...output.matchAll(/^out_time_us=(\d+)$/gm)];
  const last = times.at(-1);
  if (!last || durationMs <= 0) return null;
  return Math.min(1, Number(last[1]) / 1000 / durationMs);
}
