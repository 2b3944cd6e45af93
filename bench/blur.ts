// npm run bench:blur — what background blur costs the browser that publishes the camera. One
// Chromium publishes its synthetic camera into a room; another, separate Chromium receives it.
// For the same span with blur off, then on, it reports:
//   fps received       frames of the publisher's video decoded by the receiver, per second
//   publisher CPU      cores used by the publishing Chromium, all its processes (from /proc)
//   tab main thread    share of a core the publishing tab's main thread was busy (CDP
//                      Performance.getMetrics TaskDuration): the segmentation runs there
// `--seconds=<n>` sets each span (default 20); `--no-build` reuses the build in .next.
import { chromium, type BrowserServer, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../tests/support/chromium";
import { signedUp } from "../tests/support/factories";
import { cpuMeter } from "./lib/cpu";
import { joinMeeting, remoteVideoPlaying } from "./lib/meeting-pages";
import { printMachine, printTable, writeResult } from "./lib/report";
import { withBenchStack } from "./lib/stack";

const SECONDS = Number(process.argv.find((arg) => arg.startsWith("--seconds="))?.slice("--seconds=".length) ?? 20);
const SETTLE_MS = 5_000;

type Span = { mode: string; fps: number; publisherCores: number; mainThread: number; resolution: string };

const remoteVideo = (page: Page) =>
  page.locator('.lk-participant-tile[data-lk-local-participant="false"] video').first();

const framesDecoded = (page: Page) =>
  remoteVideo(page).evaluate((video: HTMLVideoElement) => ({
    frames: video.getVideoPlaybackQuality().totalVideoFrames,
    resolution: `${video.videoWidth}x${video.videoHeight}`,
  }));

async function choose(page: Page, name: "None" | "Blur") {
  const button = page.getByRole("button", { name: "Choose background" });
  await button.click();
  await page.getByRole("dialog", { name: "Choose background" }).getByRole("radio", { name }).check();
  await page.keyboard.press("Escape");
  await page.waitForFunction(
    ([wanted]) =>
      document.querySelector('button[aria-label="Choose background"]')?.getAttribute("data-status") === wanted,
    [name === "None" ? "off" : "on"],
    { timeout: 120_000 },
  );
}

async function measure(mode: string, publisher: Page, receiver: Page, publisherPid: number): Promise<Span> {
  const cdp = await publisher.context().newCDPSession(publisher);
  await cdp.send("Performance.enable");
  const taskDuration = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((metric) => metric.name === "TaskDuration")!.value;
  const before = await framesDecoded(receiver);
  const busyBefore = await taskDuration();
  const meter = cpuMeter(() => ({ publisher: publisherPid }));
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const cores = meter.stop();
  const seconds = (performance.now() - started) / 1000;
  const after = await framesDecoded(receiver);
  const busy = (await taskDuration()) - busyBefore;
  await cdp.detach();
  return {
    mode,
    fps: (after.frames - before.frames) / seconds,
    publisherCores: cores.publisher ?? 0,
    mainThread: busy / seconds,
    resolution: after.resolution,
  };
}

await withBenchStack(async (stack) => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.");
  const owner = await signedUp("host", stack.appUrl);
  const viewer = await signedUp("viewer", stack.appUrl);
  const room = await owner.client.createRoom("Blur benchmark");
  const url = `${stack.appUrl}/r/${room.slug}`;

  const servers: BrowserServer[] = [];
  const launch = async () => {
    const server = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS });
    servers.push(server);
    return { pid: server.process().pid!, browser: await chromium.connect(server.wsEndpoint()) };
  };
  try {
    const publishing = await launch();
    const receiving = await launch();
    const publisher = await joinMeeting(publishing.browser, stack, url, owner.client.cookieHeader(), { publish: true });
    const receiver = await joinMeeting(receiving.browser, stack, url, viewer.client.cookieHeader(), { publish: true });
    await remoteVideoPlaying(receiver);
    await choose(publisher, "None");
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const off = await measure("blur off", publisher, receiver, publishing.pid);
    await choose(publisher, "Blur");
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const on = await measure("blur on", publisher, receiver, publishing.pid);

    console.log();
    printMachine();
    printTable(
      ["mode", "fps received", "publisher CPU (cores)", "tab main thread (cores)", "resolution received"],
      [off, on].map((span) => [
        span.mode,
        span.fps.toFixed(1),
        span.publisherCores.toFixed(2),
        span.mainThread.toFixed(2),
        span.resolution,
      ]),
    );
    console.log(
      `blur costs the publisher ${(on.publisherCores - off.publisherCores).toFixed(2)} cores; ${SECONDS} s per span`,
    );
    console.log(`written: ${writeResult("blur", { seconds: SECONDS, off, on })}`);
  } finally {
    for (const server of servers) await server.close();
  }
});
