// npm run bench:join — how long a signed-in person waits, in Chromium, from opening a room's URL
// (navigation start) to the first decoded frame of the other participant's video, who is already
// in the room publishing. Each run opens a fresh browser context (empty cache) as a new member.
// Splits, all measured from navigation start on the page's own clock:
//   page ready       the pre-join screen's "Join meeting" button is there (the page clicks it at
//                    once, from inside the page: a person would look at their preview first)
//   token received   POST /api/rooms/<slug>/token answered (app mark parley:token-received)
//   LiveKit connected  the LiveKit room is connected (app mark parley:livekit-connected)
//   first remote frame  requestVideoFrameCallback fires on the remote participant's <video>
// `--warm` reuses one browser context for every run (HTTP cache warm), to show what caching adds;
// `--profile` writes a CPU profile of the page during the last run (to read the waterfall).
import { writeFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { JOIN_MARKS } from "../app/_components/meeting/join-marks";
import { CHROMIUM_ARGS, findChromium } from "../tests/support/chromium";
import { harnessSettings } from "../tests/support/config";
import { signedUp } from "../tests/support/factories";
import { cpuMeter, findDescendant } from "./lib/cpu";
import { median, ms, percentile, printMachine, printTable, writeResult } from "./lib/report";
import { RESULTS_DIR, withBenchStack, type BenchStack } from "./lib/stack";

const RUNS = harnessSettings().BENCH_JOIN_RUNS;
const WARM_UP_RUNS = 1;
// Issue 16's targets: from navigation when the click comes the moment Join is enabled, from the
// click when the joiner first looks at the pre-join screen (--think).
const NAVIGATION_TARGETS = { median: 1000, p90: 1400 };
const CLICK_TARGETS = { tokenMedian: 60, firstFrameMedian: 350 };
const warm = process.argv.includes("--warm");
// --think=<ms>: the joiner looks at the pre-join screen this long before clicking, as people do;
// the figures then also say how long it takes from the click.
const thinkMs = Number(process.argv.find((arg) => arg.startsWith("--think="))?.slice("--think=".length) ?? 0);
// --profile: a CPU profile of the page during the last run, in bench/results/join-page.cpuprofile
const profile = process.argv.includes("--profile");

type Timings = {
  ttfb: number;
  domContentLoaded: number;
  pageReady: number;
  clicked: number;
  tokenReceived: number;
  signalOpen: number;
  peerCreated: number;
  peerConnected: number;
  connected: number;
  firstRemoteFrame: number;
};

// Runs in the page before any of its scripts: clicks "Join meeting" as soon as it can be clicked,
// and notes when the first frame of a remote participant's video is shown.
// For the waterfall it also notes when LiveKit's signalling WebSocket opens and when the first
// WebRTC peer connection is created and connected.
type PageNotes = {
  pageReady?: number;
  clicked?: number;
  firstRemoteFrame?: number;
  signalOpen?: number;
  peerCreated?: number;
  peerConnected?: number;
};

function instrumentPage(thinkMs: number) {
  const w = window as unknown as { __bench: PageNotes };
  w.__bench = {};
  const notes = w.__bench;
  // Long animation frames (main-thread work over 50 ms, with the scripts behind it), for --profile.
  const frames: { start: number; duration: number; blocking: number; scripts: string[] }[] = [];
  (window as unknown as { __benchFrames: typeof frames }).__benchFrames = frames;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        blockingDuration: number;
        scripts: { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number }[];
      })[]) {
        frames.push({
          start: Math.round(entry.startTime),
          duration: Math.round(entry.duration),
          blocking: Math.round(entry.blockingDuration),
          scripts: entry.scripts.map(
            (script) =>
              `${script.invoker} ${script.sourceFunctionName} ${script.sourceURL.split("/").pop()} ${Math.round(script.duration)}ms`,
          ),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {
    // not supported: no frames recorded
  }
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      if (String(url).includes("/rtc")) this.addEventListener("open", () => (notes.signalOpen ??= performance.now()));
    }
  };
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      notes.peerCreated ??= performance.now();
      this.addEventListener("connectionstatechange", () => {
        if (this.connectionState === "connected") notes.peerConnected ??= performance.now();
      });
    }
  };
  const watched = new WeakSet<HTMLVideoElement>();
  const watch = (video: HTMLVideoElement) => {
    if (watched.has(video)) return;
    watched.add(video);
    video.requestVideoFrameCallback((now) => {
      const tile = video.closest(".lk-participant-tile");
      if (tile?.getAttribute("data-lk-local-participant") === "false" && w.__bench.firstRemoteFrame === undefined)
        w.__bench.firstRemoteFrame = now;
    });
  };
  const check = () => {
    if (w.__bench.pageReady === undefined) {
      const button = [
        ...document.querySelectorAll<HTMLButtonElement>('[data-testid="prejoin"] button[type="submit"]'),
      ].find((b) => !b.disabled);
      if (button) {
        w.__bench.pageReady = performance.now();
        const click = () => {
          w.__bench.clicked = performance.now();
          button.click();
        };
        if (thinkMs > 0) setTimeout(click, thinkMs);
        else click();
      }
    }
    document.querySelectorAll<HTMLVideoElement>(".lk-participant-tile video").forEach(watch);
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["disabled", "data-lk-local-participant"],
  });
}

// tsx (esbuild, keepNames) wraps named inner functions in __name(): the functions this script
// sends to the page need that helper there too.
const DEFINE_NAME_HELPER = "globalThis.__name = (target) => target;";

async function newBenchContext(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(DEFINE_NAME_HELPER);
  return context;
}

async function readTimings(page: Page): Promise<Timings | null> {
  return page.evaluate((marks) => {
    const bench = (window as unknown as { __bench: PageNotes }).__bench;
    const mark = (name: string) => performance.getEntriesByName(name, "mark")[0]?.startTime;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const timings = {
      ttfb: navigation?.responseStart,
      domContentLoaded: navigation?.domContentLoadedEventEnd,
      pageReady: bench.pageReady,
      clicked: bench.clicked,
      tokenReceived: mark(marks.tokenReceived),
      signalOpen: bench.signalOpen,
      peerCreated: bench.peerCreated,
      peerConnected: bench.peerConnected,
      connected: mark(marks.connected),
      firstRemoteFrame: bench.firstRemoteFrame,
    };
    return Object.values(timings).every((value) => typeof value === "number")
      ? (timings as Record<keyof typeof timings, number>)
      : null;
  }, JOIN_MARKS);
}

async function joinAsPublisher(
  browser: Browser,
  stack: BenchStack,
  url: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await newBenchContext(browser, { baseURL: stack.appUrl });
  await context.addCookies(cookiesFor(cookie, stack.appUrl));
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId("prejoin").getByTestId("prejoin-video").waitFor({ state: "visible" });
  await page.getByRole("button", { name: "Join meeting" }).click();
  await page.waitForFunction(
    () =>
      [
        ...document.querySelectorAll<HTMLVideoElement>('.lk-participant-tile[data-lk-local-participant="true"] video'),
      ].some((v) => v.videoWidth > 0),
    null,
    { timeout: 30_000 },
  );
  return context;
}

function cookiesFor(header: string, appUrl: string) {
  return header.split("; ").map((pair) => {
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: appUrl };
  });
}

async function measureOne(context: BrowserContext, url: string, profileTo?: string): Promise<Timings> {
  const page = await context.newPage();
  const cdp = profileTo ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  const tracing = profileTo && harnessSettings().BENCH_JOIN_TRACE ? context.browser() : null;
  if (tracing)
    await tracing.startTracing(page, {
      path: profileTo!.replace(/\.cpuprofile$/, "-trace.json"),
      categories: [
        "devtools.timeline",
        "disabled-by-default-devtools.timeline",
        "v8.execute",
        "blink.user_timing",
        "toplevel",
        "webrtc",
      ],
    });
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __bench: { firstRemoteFrame?: number } }).__bench.firstRemoteFrame !== undefined,
      null,
      { timeout: 30_000 },
    );
    await page.waitForFunction((name) => performance.getEntriesByName(name, "mark").length > 0, JOIN_MARKS.connected, {
      timeout: 10_000,
    });
    const timings = await readTimings(page);
    if (!timings) throw new Error("a timing is missing");
    if (profileTo) {
      const resources = await page.evaluate(() =>
        performance.getEntriesByType("resource").map((entry) => {
          const resource = entry as PerformanceResourceTiming;
          return {
            name: resource.name.replace(location.origin, ""),
            start: Math.round(resource.startTime),
            end: Math.round(resource.responseEnd),
            bytes: resource.encodedBodySize,
          };
        }),
      );
      const marks = await page.evaluate(() =>
        performance.getEntriesByType("mark").map((mark) => ({ name: mark.name, at: Math.round(mark.startTime) })),
      );
      const longFrames = await page.evaluate(() => (window as unknown as { __benchFrames: unknown[] }).__benchFrames);
      writeFileSync(
        profileTo.replace(/\.cpuprofile$/, "-waterfall.json"),
        JSON.stringify({ timings: await readTimings(page), marks, resources, longFrames }, null, 2),
      );
    }
    if (tracing) await tracing.stopTracing();
    if (cdp && profileTo) {
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(profileTo, JSON.stringify(profile));
      console.log(`page CPU profile of this run: ${profileTo} (open it in Chromium's DevTools, Performance panel)`);
    }
    return timings;
  } finally {
    await page.close();
  }
}

await withBenchStack(async (stack) => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.");
  const owner = await signedUp("host", stack.appUrl);
  const room = await owner.client.createRoom("Join benchmark");
  const url = `${stack.appUrl}/r/${room.slug}`;
  const members = [];
  for (let i = 0; i < RUNS + WARM_UP_RUNS; i++) members.push(await signedUp("joiner", stack.appUrl));

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    await joinAsPublisher(browser, stack, url, owner.client.cookieHeader());
    const chromiumPid = findDescendant(/^chrom/);
    const meter = cpuMeter(() => ({
      app: stack.processes.app.child.pid!,
      livekit: stack.processes.livekit.child.pid!,
      ...(chromiumPid ? { chromium: chromiumPid } : {}),
    }));
    const runs: Timings[] = [];
    let shared: BrowserContext | null = null;
    for (const [i, member] of members.entries()) {
      // --warm: one context for all runs, signed in as each member in turn
      const context: BrowserContext = warm
        ? (shared ??= await newBenchContext(browser))
        : await newBenchContext(browser);
      await context.clearCookies();
      await context.addCookies(cookiesFor(member.client.cookieHeader(), stack.appUrl));
      await context.grantPermissions(["camera", "microphone"], { origin: stack.appUrl });
      if (!warm || i === 0) await context.addInitScript(instrumentPage, thinkMs);
      const last = i === members.length - 1;
      const timings = await measureOne(
        context,
        url,
        last && profile ? `${RESULTS_DIR}/join-page.cpuprofile` : undefined,
      );
      if (!warm) await context.close();
      const label = i < WARM_UP_RUNS ? "warm-up" : `run ${i - WARM_UP_RUNS + 1}/${RUNS}`;
      console.log(
        `${label}: page ready ${ms(timings.pageReady)}, token ${ms(timings.tokenReceived)}, connected ${ms(timings.connected)}, first remote frame ${ms(timings.firstRemoteFrame)}`,
      );
      if (i >= WARM_UP_RUNS) runs.push(timings);
      await new Promise((resolve) => setTimeout(resolve, 1000)); // let LiveKit see them leave
    }
    const cores = meter.stop();

    const steps = {
      "page ready": runs.map((r) => r.pageReady),
      "token received": runs.map((r) => r.tokenReceived),
      "LiveKit connected": runs.map((r) => r.connected),
      "first remote frame": runs.map((r) => r.firstRemoteFrame),
    };
    const segments = {
      "navigation → page ready": runs.map((r) => r.pageReady),
      ...(thinkMs > 0 ? { "page ready → click (--think)": runs.map((r) => r.clicked - r.pageReady) } : {}),
      [thinkMs > 0 ? "click → token received" : "page ready → token received"]: runs.map(
        (r) => r.tokenReceived - r.clicked,
      ),
      "token received → LiveKit connected": runs.map((r) => r.connected - r.tokenReceived),
      "LiveKit connected → first remote frame": runs.map((r) => r.firstRemoteFrame - r.connected),
    };
    const firstFrames = steps["first remote frame"];
    const fromClick = runs.map((r) => r.firstRemoteFrame - r.clicked);
    const target = (name: string, measuredMs: number, limitMs: number) => ({
      name,
      measuredMs,
      limitMs,
      met: measuredMs < limitMs,
    });
    const targets =
      thinkMs > 0
        ? [
            target(
              "median click → token received",
              median(runs.map((r) => r.tokenReceived - r.clicked)),
              CLICK_TARGETS.tokenMedian,
            ),
            target("median click → first remote frame", median(fromClick), CLICK_TARGETS.firstFrameMedian),
          ]
        : [
            target("median navigation → first remote frame", median(firstFrames), NAVIGATION_TARGETS.median),
            target("p90 navigation → first remote frame", percentile(firstFrames, 90), NAVIGATION_TARGETS.p90),
          ];
    const met = targets.every((t) => t.met);
    console.log();
    printMachine();
    console.log(
      `${RUNS} runs, ${warm ? "warm cache (one browser context)" : "cold cache (a new browser context each run)"}; CPU during the runs (cores): ${JSON.stringify(cores)}`,
    );
    printTable(
      ["from navigation start to", "median", "p90"],
      [
        [
          "document first byte",
          ms(median(runs.map((r) => r.ttfb))),
          ms(
            percentile(
              runs.map((r) => r.ttfb),
              90,
            ),
          ),
        ],
        [
          "DOMContentLoaded",
          ms(median(runs.map((r) => r.domContentLoaded))),
          ms(
            percentile(
              runs.map((r) => r.domContentLoaded),
              90,
            ),
          ),
        ],
        ...Object.entries(steps).map(([name, values]) => [
          `**${name}**`,
          ms(median(values)),
          ms(percentile(values, 90)),
        ]),
      ],
    );
    console.log('\nInside "token received → LiveKit connected" (waterfall, from navigation start):');
    printTable(
      ["moment", "median", "p90"],
      (["signalOpen", "peerCreated", "peerConnected"] as const).map((key) => [
        {
          signalOpen: "LiveKit signal WebSocket open",
          peerCreated: "first RTCPeerConnection created",
          peerConnected: "first RTCPeerConnection connected",
        }[key],
        ms(median(runs.map((r) => r[key]))),
        ms(
          percentile(
            runs.map((r) => r[key]),
            90,
          ),
        ),
      ]),
    );
    console.log();
    printTable(
      ["step", "median", "p90"],
      Object.entries(segments).map(([name, values]) => [name, ms(median(values)), ms(percentile(values, 90))]),
    );
    if (thinkMs > 0) {
      console.log(
        `\nfrom the click (after ${thinkMs} ms on the pre-join screen) to the first remote frame: median ${ms(median(fromClick))}, p90 ${ms(percentile(fromClick, 90))}`,
      );
    }
    console.log();
    for (const t of targets)
      console.log(`target: ${t.name} under ${t.limitMs} ms: ${t.met ? "met" : "MISSED"} (${ms(t.measuredMs)})`);
    const file = writeResult(warm ? "join-warm" : thinkMs > 0 ? "join-think" : "join", {
      runs: RUNS,
      cache: warm ? "warm" : "cold",
      thinkMs,
      targets,
      met,
      cpuCores: cores,
      timings: runs,
    });
    console.log(`written: ${file}`);
  } finally {
    await browser.close();
  }
});
