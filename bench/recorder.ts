// npm run bench:recorder — what recording costs on the server while the meeting goes on:
// parley-recorder's CPU (cores) and resident memory, and the bytes it writes per participant-hour,
// with 2 and then 4 people publishing their synthetic camera (1280x720) and microphone.
// For each: the people join (one Chromium, a context each), a host starts recording through the
// API, and after the recorder has settled its process is measured from /proc for the span; then
// the recording is stopped. Composing afterwards is measured by bench:recorder-compose.
// `--seconds=<n>` per span (default 30); `--no-build` reuses the build in .next.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { findOrBuildRecorder, recorderUrl, startRecorder } from "../scripts/lib/recorder";
import { CHROMIUM_ARGS, findChromium } from "../tests/support/chromium";
import { signedUp } from "../tests/support/factories";
import { cpuMeter } from "./lib/cpu";
import { joinMeeting, pause, remoteVideoPlaying } from "./lib/meeting-pages";
import { printMachine, printTable, writeResult } from "./lib/report";
import { BENCH_RECORDER_PORT, RESULTS_DIR, withBenchStack } from "./lib/stack";

const SECONDS = Number(process.argv.find((arg) => arg.startsWith("--seconds="))?.slice("--seconds=".length) ?? 30);
const SETTLE_MS = 8_000;
const PEOPLE = [2, 4];

type Span = { people: number; cores: number; rssMiB: number; peakRssMiB: number; bytesPerParticipantHour: number };

/** Resident memory of a process, now and at its peak (VmRSS, VmHWM), in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

function bytesUnder(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const inside = path.join(folder, entry.name);
    total += entry.isDirectory() ? bytesUnder(inside) : statSync(inside).size;
  }
  return total;
}

const recorder = {
  port: BENCH_RECORDER_PORT,
  secret: "bench-recorder-secret-0123456789abcdef",
  dir: `${RESULTS_DIR}/recordings`,
  logFile: `${RESULTS_DIR}/stack/recorder.log`,
};

findOrBuildRecorder(); // before the stack starts: a first build takes minutes
await withBenchStack(
  async (stack) => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error("No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.");
    const recorderProcess = await startRecorder(recorder);
    const recorderPid = recorderProcess.child.pid!;
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const spans: Span[] = [];
    try {
      for (const people of PEOPLE) {
        const host = await signedUp("recording host", stack.appUrl);
        const room = await host.client.createRoom(`Recorder benchmark, ${people} people`);
        const url = `${stack.appUrl}/r/${room.slug}`;
        const others = await Promise.all(
          Array.from({ length: people - 1 }, (_, n) => signedUp(`recorded ${n + 1}`, stack.appUrl)),
        );
        const pages = [];
        for (const person of [host, ...others]) {
          pages.push(
            await joinMeeting(browser, stack, url, person.client.cookieHeader(), {
              publish: true,
              viewport: { width: 640, height: 400 },
            }),
          );
        }
        await Promise.all(pages.map((page) => remoteVideoPlaying(page)));

        const started = await host.client.json<{ recording: { id: string } }>(`/api/rooms/${room.slug}/recording`, {
          method: "POST",
        });
        if (started.status !== 201) throw new Error(`recording did not start: ${JSON.stringify(started.body)}`);
        const folder = path.join(recorder.dir, started.body.recording.id);
        await pause(SETTLE_MS);

        const bytesBefore = bytesUnder(folder);
        const meter = cpuMeter(() => ({ recorder: recorderPid }));
        const from = performance.now();
        let rssTotal = 0;
        let samples = 0;
        while (performance.now() - from < SECONDS * 1000) {
          await pause(1000);
          rssTotal += memoryOf(recorderPid).rss;
          samples += 1;
        }
        const cores = meter.stop().recorder ?? 0;
        const seconds = (performance.now() - from) / 1000;
        const written = bytesUnder(folder) - bytesBefore;
        const span = {
          people,
          cores,
          rssMiB: rssTotal / samples,
          peakRssMiB: memoryOf(recorderPid).peak,
          bytesPerParticipantHour: (written / people / seconds) * 3600,
        };
        spans.push(span);
        console.log(
          `${people} people: ${cores.toFixed(3)} cores, ${span.rssMiB.toFixed(1)} MiB resident (peak so far ${span.peakRssMiB.toFixed(1)}), ${(span.bytesPerParticipantHour / 1e6).toFixed(0)} MB per participant-hour`,
        );

        const stopped = await host.client.request(`/api/rooms/${room.slug}/recording`, { method: "DELETE" });
        if (stopped.status !== 200) throw new Error(`recording did not stop: ${await stopped.text()}`);
        for (const page of pages) await page.context().close();
      }
    } finally {
      await browser.close();
      await recorderProcess.stop();
    }

    console.log();
    printMachine();
    printTable(
      [
        "people publishing",
        "recorder CPU (cores)",
        "per person (cores)",
        "resident memory (MiB)",
        "MB per participant-hour",
      ],
      spans.map((span) => [
        span.people,
        span.cores.toFixed(3),
        (span.cores / span.people).toFixed(3),
        span.rssMiB.toFixed(1),
        (span.bytesPerParticipantHour / 1e6).toFixed(0),
      ]),
    );
    console.log(`${SECONDS} s per span; composing is bench:recorder-compose's`);
    console.log(`written: ${writeResult("recorder", { seconds: SECONDS, spans })}`);
  },
  {
    appEnv: {
      RECORDER_URL: recorderUrl(recorder),
      RECORDER_SECRET: recorder.secret,
      RECORDINGS_DIR: recorder.dir,
    },
  },
);
