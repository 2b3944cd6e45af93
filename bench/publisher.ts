// npm run bench:publisher — what publishing a camera costs the browser that publishes it, as the
// audience changes. One Chromium (a browser of its own, so its processes can be told apart) joins
// a room as its host and publishes its synthetic camera and microphone; then, each for the same span:
//   (a) alone          nobody else in the room (then again with the self view hidden, to tell
//                      what showing one's own camera costs, and with the microphone muted, when
//                      noise suppression rests)
//   (b) one, large     one subscriber (a separate Chromium, camera and microphone off) showing the
//                      host's video pinned in speaker view at 1280x800
//   (c) four, small    four subscribers (camera and microphone off) in 480x360 windows, where
//                      every tile is small
// For each: the cores the publishing Chromium used (all its processes, from /proc, and by kind of
// process: renderer, GPU, audio and capture services...) and what its encoder sent (WebRTC
// getStats of the publisher: per simulcast layer, frames encoded per second and width), to see
// whether dynacast paused the layers nobody receives.
// `--codec=vp9|av1|h264` runs the app with that VIDEO_CODEC (default vp8, simulcast);
// `--seconds=<n>` per span (default 15); `--no-build` reuses the build in .next.
import { chromium, type Browser, type BrowserServer, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../tests/support/chromium";
import { signedUp } from "../tests/support/factories";
import { chromiumCpuMeter } from "./lib/cpu";
import { joinMeeting, pause, remoteVideoPlaying, videoPlaying } from "./lib/meeting-pages";
import { printMachine, printTable, writeResult } from "./lib/report";
import { withBenchStack, type BenchStack } from "./lib/stack";

const SECONDS = Number(process.argv.find((arg) => arg.startsWith("--seconds="))?.slice("--seconds=".length) ?? 15);
const SETTLE_MS = 8_000;
const CODEC = (process.argv.find((arg) => arg.startsWith("--codec="))?.slice("--codec=".length) ?? "vp8") as
  "vp8" | "vp9" | "av1" | "h264";
const TARGET_ALONE_CORES = 0.15;

type Layer = { rid: string; width: number; fps: number; active: boolean; limitation: string };
type Span = {
  scenario: string;
  cores: number;
  /** The cores by kind of Chromium process (renderer, gpu-process, audio, video_capture...). */
  byProcess: Record<string, number>;
  layers: Layer[];
  codecs: string[];
  encodedFps: number;
  sentKbps: number;
};
type Sent = {
  layers: Record<string, { frames: number; bytes: number; width: number; active: boolean; limitation: string }>;
  codecs: string[];
};

// Runs in the page before its scripts: keeps every RTCPeerConnection the page makes, to read its stats.
function keepPeerConnections() {
  const kept: RTCPeerConnection[] = [];
  (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = kept;
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      kept.push(this);
    }
  };
}

async function videoSent(page: Page): Promise<Sent> {
  return page.evaluate(async () => {
    const layers: Sent["layers"] = {};
    const codecs = new Set<string>();
    for (const pc of (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections) {
      if (pc.connectionState === "closed") continue;
      const active = new Map<string, boolean>();
      for (const sender of pc.getSenders()) {
        if (sender.track?.kind !== "video") continue;
        for (const encoding of sender.getParameters().encodings ?? [])
          active.set(encoding.rid ?? "-", encoding.active !== false);
      }
      const stats = await pc.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report.type !== "outbound-rtp" || report.kind !== "video") return;
        const codec = stats.get(String(report.codecId)) as { mimeType?: string } | undefined;
        if (codec?.mimeType && Number(report.framesEncoded ?? 0) > 0) codecs.add(codec.mimeType);
        const rid = (report.rid as string | undefined) ?? "-";
        layers[rid] = {
          frames: Number(report.framesEncoded ?? 0),
          bytes: Number(report.bytesSent ?? 0),
          width: Number(report.frameWidth ?? 0),
          active: active.get(rid) ?? true,
          limitation: String(report.qualityLimitationReason ?? ""),
        };
      });
    }
    return { layers, codecs: [...codecs] };
  });
}

const join = (
  browser: Browser,
  stack: BenchStack,
  url: string,
  cookie: string,
  options: { publish: boolean; viewport: { width: number; height: number } },
) => joinMeeting(browser, stack, url, cookie, { ...options, initScripts: [keepPeerConnections] });

async function measure(scenario: string, publisher: Page, publisherPid: number, settleMs = SETTLE_MS): Promise<Span> {
  await pause(settleMs);
  const before = await videoSent(publisher);
  const meter = chromiumCpuMeter(publisherPid);
  const started = performance.now();
  await pause(SECONDS * 1000);
  const byProcess = Object.fromEntries(
    Object.entries(meter.stop())
      .filter(([, used]) => used > 0)
      .sort(([, a], [, b]) => b - a),
  );
  const cores = Object.values(byProcess).reduce((sum, used) => sum + used, 0);
  const seconds = (performance.now() - started) / 1000;
  const after = await videoSent(publisher);
  const layers = Object.entries(after.layers)
    .map(([rid, now]) => {
      const then = before.layers[rid] ?? { frames: 0, bytes: 0 };
      return {
        rid,
        width: now.width,
        fps: (now.frames - then.frames) / seconds,
        active: now.active,
        limitation: now.limitation,
        kbps: ((now.bytes - then.bytes) * 8) / 1000 / seconds,
      };
    })
    .sort((a, b) => a.rid.localeCompare(b.rid));
  const span = {
    scenario,
    cores,
    byProcess,
    layers: layers.map(({ rid, width, fps, active, limitation }) => ({ rid, width, fps, active, limitation })),
    codecs: after.codecs,
    encodedFps: layers.reduce((sum, layer) => sum + layer.fps, 0),
    sentKbps: layers.reduce((sum, layer) => sum + layer.kbps, 0),
  };
  console.log(
    `${scenario}: ${cores.toFixed(3)} cores; layers ${span.layers.map((l) => `${l.rid} ${l.active ? "on" : "off"} ${l.width}px ${l.fps.toFixed(1)} fps${l.limitation && l.limitation !== "none" ? ` (${l.limitation})` : ""}`).join(", ")}`,
  );
  return span;
}

await withBenchStack(
  async (stack) => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error("No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.");
    const host = await signedUp("host", stack.appUrl);
    const room = await host.client.createRoom("Publisher benchmark");
    const url = `${stack.appUrl}/r/${room.slug}`;
    const subscribers = await Promise.all([1, 2, 3, 4].map((n) => signedUp(`subscriber ${n}`, stack.appUrl)));

    const servers: BrowserServer[] = [];
    const launch = async () => {
      const server = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
      servers.push(server);
      return { pid: server.process().pid!, browser: await chromium.connect(server.wsEndpoint()) };
    };
    try {
      const publishing = await launch();
      const publisher = await join(publishing.browser, stack, url, host.client.cookieHeader(), {
        publish: true,
        viewport: { width: 1280, height: 800 },
      });
      await videoPlaying(publisher, "local");
      const spans: Span[] = [];
      // LiveKit pauses layers nobody receives some seconds after they were last received: a longer wait.
      spans.push(await measure("(a) alone", publisher, publishing.pid, 2 * SETTLE_MS));
      const publisherControls = publisher.getByRole("toolbar", { name: "Meeting controls" });
      await publisherControls.getByRole("button", { name: "Hide self view" }).click();
      spans.push(await measure("(a) alone, self view hidden", publisher, publishing.pid));
      await publisherControls.getByRole("button", { name: "Hide self view" }).click();
      // Muted, noise suppression (on unless turned off) rests: what the filter costs shows here.
      await publisher.keyboard.press("m");
      spans.push(await measure("(a) alone, microphone muted", publisher, publishing.pid));
      await publisher.keyboard.press("m");

      const receiving = await launch();
      const large = await join(receiving.browser, stack, url, subscribers[0]!.client.cookieHeader(), {
        publish: false,
        viewport: { width: 1280, height: 800 },
      });
      await remoteVideoPlaying(large);
      const controls = large.getByRole("toolbar", { name: "Meeting controls" });
      await controls.getByRole("button", { name: "Speaker view" }).click();
      await large.getByRole("button", { name: `Pin ${host.user.name}` }).click();
      spans.push(await measure("(b) one subscriber, large", publisher, publishing.pid));
      await large.context().close();

      const small: Page[] = [];
      for (const subscriber of subscribers) {
        const page = await join(receiving.browser, stack, url, subscriber.client.cookieHeader(), {
          publish: false,
          viewport: { width: 480, height: 360 },
        });
        await remoteVideoPlaying(page);
        small.push(page);
      }
      spans.push(await measure("(c) four subscribers, small", publisher, publishing.pid));

      console.log();
      printMachine();
      printTable(
        [
          "scenario",
          "publisher CPU (cores)",
          "of which (cores by process)",
          "frames encoded/s (all layers)",
          "sent kbit/s",
          "codec",
          "layers (rid: width, fps)",
        ],
        spans.map((span) => [
          span.scenario,
          span.cores.toFixed(3),
          Object.entries(span.byProcess)
            .map(([kind, used]) => `${kind} ${used.toFixed(2)}`)
            .join(", "),
          span.encodedFps.toFixed(1),
          Math.round(span.sentKbps),
          span.codecs.join(", "),
          span.layers
            .map((l) => `${l.rid}: ${l.active ? "" : "paused, "}${l.width}px ${l.fps.toFixed(0)} fps`)
            .join("; "),
        ]),
      );
      console.log(`codec: ${CODEC}`);
      const alone = spans[0]!.cores;
      console.log(
        `alone: ${alone.toFixed(3)} cores, target < ${TARGET_ALONE_CORES}: ${alone < TARGET_ALONE_CORES ? "met" : "MISSED"}; ${SECONDS} s per span`,
      );
      console.log(
        `written: ${writeResult("publisher", { seconds: SECONDS, targetAloneCores: TARGET_ALONE_CORES, spans })}`,
      );
    } finally {
      for (const server of servers) await server.close();
    }
  },
  { appEnv: CODEC === "vp8" ? {} : { VIDEO_CODEC: CODEC } },
);
