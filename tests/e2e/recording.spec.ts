import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test, type OpenPage } from "./fixtures";
import { newPerson, type Person } from "../support/factories";
import { greyFrameAt, regionStats } from "../support/video-frames";
import { smallDiskAt, smallDisksPossible, type SmallDisk } from "../support/small-disk";
import { restartable } from "./restartable-stack";
import { expectGoodOnEveryScreen, PHONE } from "./screens";
import { joinFromPreJoin, memberOpens, signInAsAdmin, signUpHere, tiles } from "./support";

// Recording a meeting, as its people see it: the host starts it, everyone (and whoever joins
// later) is told and sees who started it, the host stops it, and the history has one video of
// everyone that really shows them and carries their sound. Three people publish video and
// parley-recorder and ffmpeg run beside them: the slow test's time.
test.slow();

const indicator = (page: Page) => page.getByTestId("recording-indicator");

/** Waits until the room's history shows its one recording composed (reloading the page). */
async function waitUntilComposed(page: Page, slug: string) {
  await page.goto(`/r/${slug}/history`);
  await expect(page.getByTestId("recording")).toHaveCount(1);
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("recording").getAttribute("data-state");
      },
      { timeout: 180_000, intervals: [3_000] },
    )
    .toMatch(/^(READY|FAILED)$/);
  await expect(page.getByTestId("recording")).toHaveAttribute("data-state", "READY");
}

/** Reloads the room's history until its one recording is in `state`. */
async function waitForRecordingState(page: Page, slug: string, state: string, timeout = 180_000) {
  await page.goto(`/r/${slug}/history`);
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("recording").getAttribute("data-state");
      },
      { timeout, intervals: [3_000] },
    )
    .toBe(state);
}

/** What ffprobe says of a file: its duration (s) and the kinds of its streams. */
function probe(file: string): { duration: number; streams: string[] } {
  const result = spawnSync(
    "ffprobe",
    ["-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json", file],
    { encoding: "utf8" },
  );
  const parsed = JSON.parse(result.stdout) as { format: { duration: string }; streams: { codec_type: string }[] };
  return { duration: Number(parsed.format.duration), streams: parsed.streams.map((stream) => stream.codec_type) };
}

/** The loudest moment of the file's sound, in dB (-91 is silence). */
function loudest(file: string): number {
  const result = spawnSync("ffmpeg", ["-v", "info", "-i", file, "-af", "volumedetect", "-vn", "-f", "null", "-"], {
    encoding: "utf8",
  });
  return Number(/max_volume: (-?[\d.]+) dB/.exec(result.stderr)?.[1] ?? -91);
}

async function hostOpensMeeting(page: Page, host: Person): Promise<string> {
  await page.goto("/signup");
  await signUpHere(page, host);
  await page.getByRole("button", { name: "New meeting" }).click();
  await expect(page).toHaveURL(/\/r\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

test("the host records the meeting: everyone and a latecomer are told who records, a participant may not start it, and the history has one video of both cameras with sound", async ({
  openPage,
}) => {
  const hostPerson = newPerson("Rec host");
  const host = await openPage();
  await host.setViewportSize({ width: 1280, height: 800 });
  const slug = await hostOpensMeeting(host, hostPerson);
  await joinFromPreJoin(host);
  const bea = await openPage();
  await memberOpens(bea, newPerson("Rec Bea"), slug);
  await joinFromPreJoin(bea);
  await expect(tiles(host)).toHaveCount(2);
  await expect(tiles(bea)).toHaveCount(2);
  await expect(indicator(host)).toBeHidden();

  // A participant cannot start recording: the server refuses, and nobody is told of a recording.
  const refused = await bea.evaluate(async (room) => {
    const response = await fetch(`/api/rooms/${room}/recording`, { method: "POST" });
    return { status: response.status, body: (await response.json()) as { error: { code: string } } };
  }, slug);
  expect(refused).toEqual({ status: 403, body: { error: expect.objectContaining({ code: "forbidden" }) } });
  await expect(bea.getByTestId("record-button")).toHaveCount(0);

  const startedAt = Date.now();
  await host.getByTestId("record-button").click();
  for (const page of [host, bea]) {
    await expect(indicator(page)).toContainText(`started by ${hostPerson.name}`);
    await expect(page.getByTestId("recording-notice")).toContainText(hostPerson.name);
  }
  await expect(host.getByTestId("record-button")).toHaveAttribute("aria-pressed", "true");
  // The recorder is hidden: nobody sees a tile for it.
  await expect(tiles(host)).toHaveCount(2);

  // Someone who joins during the recording is told on joining.
  const cyd = await openPage();
  await memberOpens(cyd, newPerson("Rec Cyd"), slug);
  await joinFromPreJoin(cyd);
  await expect(cyd.getByTestId("recording-notice")).toContainText(
    `This meeting is being recorded. ${hostPerson.name} started the recording.`,
  );
  await expect(indicator(cyd)).toBeVisible();
  await cyd.getByTestId("recording-notice").getByRole("button", { name: "OK" }).click();
  await expect(cyd.getByTestId("recording-notice")).toBeHidden();
  await expect(indicator(cyd)).toBeVisible();

  // Bea turns her camera off for a while (LiveKit stops it: the recorder gets no frames).
  await bea.waitForTimeout(Math.max(0, 8_000 - (Date.now() - startedAt)));
  const beaCamera = bea
    .getByRole("toolbar", { name: "Meeting controls" })
    .getByRole("button", { name: "Camera", exact: true });
  const cameraOffAt = Date.now();
  await beaCamera.click();
  await expect(beaCamera).toHaveAttribute("aria-pressed", "false");
  await bea.waitForTimeout(4_500);
  const cameraOnAt = Date.now();
  await beaCamera.click();
  await expect(beaCamera).toHaveAttribute("aria-pressed", "true");

  await host.waitForTimeout(Math.max(0, 16_000 - (Date.now() - startedAt)));
  const stoppedAt = Date.now();
  await host.getByTestId("record-button").click();
  for (const page of [host, bea, cyd]) await expect(indicator(page)).toBeHidden();
  const expectedSeconds = (stoppedAt - startedAt) / 1000;

  // The history lists it: who started it, and once composed, its length, size, player, download.
  await waitUntilComposed(host, slug);
  const listed = host.getByTestId("recording");
  await expect(listed).toContainText(`Started by ${hostPerson.name}`);
  await expect(listed.getByTestId("recording-size")).toContainText("MB");
  const shownMs = Number(await listed.getByTestId("recording-duration").getAttribute("data-ms"));
  expect(Math.abs(shownMs / 1000 - expectedSeconds)).toBeLessThan(1);
  // The browser's player reads it (byte ranges).
  await expect
    .poll(() => listed.locator("video").evaluate((video: HTMLVideoElement) => video.duration), { timeout: 20_000 })
    .toBeGreaterThan(expectedSeconds - 1);

  const download = await host.request.get(
    (await listed.getByRole("link", { name: "Download (MP4)" }).getAttribute("href"))!,
  );
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("video/mp4");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-recording-")), "recording.mp4");
  writeFileSync(file, await download.body());

  const { duration, streams } = probe(file);
  expect(Math.abs(duration - expectedSeconds)).toBeLessThan(1);
  expect(streams.sort()).toEqual(["audio", "video"]);
  expect(loudest(file)).toBeGreaterThan(-50);

  // Three cameras make a 2x2 grid of 640x360 tiles; the fourth is empty. In the middle, the two
  // people there from the start both show their (synthetic) camera, not black.
  const frame = greyFrameAt(file, duration / 2, 1280, 720);
  const tile = (column: number, row: number) =>
    regionStats(frame, 1280, { x: column * 640 + 40, y: row * 360 + 40, w: 560, h: 280 });
  // Chromium's synthetic camera draws a moving shape over a plain background: a picture with contrast.
  const empty = tile(1, 1);
  expect(empty.mean).toBeLessThan(8);
  expect(empty.spread).toBeLessThan(3);
  for (const shown of [tile(0, 0), tile(1, 0)]) expect(shown.spread).toBeGreaterThan(10);
  // While Bea's camera was off, her tile (one of the first two) shows her name on grey, not her
  // last picture; the other still shows a camera. The upper band of a tile is away from the name.
  const offFrame = greyFrameAt(file, ((cameraOffAt + cameraOnAt) / 2 - startedAt) / 1000, 1280, 720);
  const band = (column: number) => regionStats(offFrame, 1280, { x: column * 640 + 20, y: 20, w: 600, h: 80 });
  const [left, right] = [band(0), band(1)];
  const grey = (stats: { mean: number; spread: number }) => stats.mean > 25 && stats.mean < 42 && stats.spread < 3;
  expect([grey(left), grey(right)].sort()).toEqual([false, true]);

  // An admin sees the space recordings take on the server, this one's included.
  const admin = await openPage();
  await signInAsAdmin(admin);
  await admin.goto("/admin");
  const storage = admin.getByTestId("recordings-storage");
  await expect(storage).toContainText(
    /Recordings take [\d.,]+ [MG]B\. [\d.,]+ [MG]B free of [\d.,]+ [MG]B on their disk\./,
  );
  const usedBytes = Number(await storage.locator("[data-used-bytes]").getAttribute("data-used-bytes"));
  expect(usedBytes).toBeGreaterThanOrEqual(statSync(file).size);

  // The host deletes it, after saying yes: it leaves the history, and the server no longer serves it.
  const videoPath = (await listed.locator("video").getAttribute("src"))!;
  host.once("dialog", (dialog) => void dialog.accept());
  await listed.getByRole("button", { name: "Delete" }).click();
  await expect(host.getByTestId("recording")).toHaveCount(0);
  await expect(host.getByTestId("recordings")).toContainText("Nothing was recorded in this room.");
  expect((await host.request.get(videoPath)).status()).toBe(404);
});

/**
 * Starts the restartable stack (its recorder and app through `wrapper`, if given); a host opens a
 * meeting there and Bea joins it.
 */
async function restartableMeeting(openPage: OpenPage, who: string, wrapper?: string[]) {
  await restartable.startLiveKit();
  await restartable.startRecorder(wrapper);
  await restartable.startApp(wrapper);
  const baseURL = restartable.baseURL;
  const host = await openPage({ baseURL });
  const slug = await hostOpensMeeting(host, newPerson(`${who} host`));
  await joinFromPreJoin(host);
  const bea = await openPage({ baseURL });
  await memberOpens(bea, newPerson(`${who} Bea`), slug);
  await joinFromPreJoin(bea);
  await expect(tiles(host)).toHaveCount(2);
  return { host, bea, slug };
}

/** The listed recording plays: the browser decodes frames of it. */
async function expectItPlays(listed: Locator) {
  await listed.locator("video").evaluate((video: HTMLVideoElement) => {
    video.muted = true;
    return video.play();
  });
  await expect
    .poll(() =>
      listed.locator("video").evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames),
    )
    .toBeGreaterThan(10);
}

// On the restartable stack, whose recorder the test kills.
test.describe("when the recorder dies", () => {
  test.afterEach(async () => restartable.stopAll());

  test("the recorder is killed mid-recording: the hosts are told, and what was recorded until then is in the history and plays", async ({
    openPage,
  }) => {
    const { host, bea, slug } = await restartableMeeting(openPage, "Crash");

    const startedAt = Date.now();
    await host.getByTestId("record-button").click();
    await expect(indicator(bea)).toBeVisible();
    await host.waitForTimeout(Math.max(0, 8_000 - (Date.now() - startedAt)));
    const killedAt = Date.now();
    await restartable.stopRecorder("SIGKILL");

    // LiveKit sees the recorder gone: nobody is shown a recording any more; hosts are told it broke off.
    await expect(indicator(host)).toBeHidden({ timeout: 60_000 });
    await expect(indicator(bea)).toBeHidden();
    await expect(host.getByTestId("recording-interrupted")).toContainText("stopped unexpectedly", { timeout: 30_000 });
    await expect(bea.getByTestId("recording-interrupted")).toHaveCount(0);
    // The meeting itself goes on.
    await expect(tiles(bea)).toHaveCount(2);

    await waitUntilComposed(host, slug);
    const listed = host.getByTestId("recording");
    // As long as what the recorder wrote before it died: no longer than it lived, and most of it
    // (the recorder starts a moment after the click, later still on a busy machine).
    const shownMs = Number(await listed.getByTestId("recording-duration").getAttribute("data-ms"));
    expect(shownMs).toBeLessThanOrEqual(killedAt - startedAt + 500);
    expect(shownMs).toBeGreaterThan(4_000);
    await expect
      .poll(() => listed.locator("video").evaluate((video: HTMLVideoElement) => video.duration), { timeout: 20_000 })
      .toBeGreaterThan(shownMs / 1000 - 0.5);
    await expectItPlays(listed);
  });
});

// On the restartable stack, with the recordings on a disk of 3 MB that fills mid-recording.
test.describe("when the disk fills", () => {
  let disk: SmallDisk | undefined;
  test.afterEach(async () => {
    await restartable.stopAll();
    disk?.release();
    disk = undefined;
  });

  test("the recordings' disk fills mid-recording: the hosts are told why, the history says so, and once there is room again what was recorded is put together and plays", async ({
    openPage,
  }) => {
    test.skip(!smallDisksPossible(), "mounting a small disk needs root (as on CI) or a user namespace that may mount");
    disk = await smallDiskAt(restartable.recordingsDir(), 3 * 1024 * 1024);
    // The recorder writes there and the app composes and serves from there: both see the small disk.
    const { host, bea, slug } = await restartableMeeting(openPage, "Full", disk.wrapper);

    const startedAt = Date.now();
    await host.getByTestId("record-button").click();
    await expect(indicator(bea)).toBeVisible();

    // Two cameras fill 3 MB in well under a minute: the recording stops, and the hosts are told why.
    await expect(host.getByTestId("recording-interrupted")).toContainText("the server's disk is full", {
      timeout: 120_000,
    });
    const toldAt = Date.now();
    await expect(indicator(host)).toBeHidden();
    await expect(indicator(bea)).toBeHidden();
    await expect(bea.getByTestId("recording-interrupted")).toHaveCount(0);
    await expect(tiles(bea)).toHaveCount(2);

    // The history says why it stopped, and that it waits for room to be put together.
    await waitForRecordingState(host, slug, "FAILED", 60_000);
    const state = host.getByTestId("recording-state");
    const problem = host.getByTestId("recording-problem");
    await expect(problem).toHaveText("It stopped because the server's disk was full.");
    await expect(state).toContainText("Waiting for space on the server's disk to be put together");
    await expectGoodOnEveryScreen(host, "the history with a recording waiting for space");

    // An administrator makes room: without anyone asking, it is put together and plays.
    disk.resize(256 * 1024 * 1024);
    await waitForRecordingState(host, slug, "READY", 120_000);
    const listed = host.getByTestId("recording");
    await expect(state).toHaveText("Ready");
    await expect(problem).toHaveText("It stopped because the server's disk was full.");
    const shownMs = Number(await listed.getByTestId("recording-duration").getAttribute("data-ms"));
    expect(shownMs).toBeGreaterThan(3_000);
    expect(shownMs).toBeLessThanOrEqual(toldAt - startedAt + 500);
    await expectItPlays(listed);
    await expectGoodOnEveryScreen(host, "the history with a recording");
    await host.setViewportSize(PHONE);
    await host.screenshot({ path: "docs/screenshots/history-recording-phone.png", fullPage: true });
  });
});
