import { chromium, type Page } from "@playwright/test";
import { TrackSource } from "livekit-server-sdk";
import { CHROMIUM_ARGS, findChromium } from "../support/chromium";
import { expect, test } from "./fixtures";
import { LAPTOP, PHONE } from "./screens";
import {
  createLinkInUi,
  expectRemoteAudioPlaying,
  expectRemoteVideoPlaying,
  expectVideoPlaying,
  hostStartsMeeting,
  joinFromPreJoin,
  memberOpens,
  tiles,
} from "./support";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

const PHONE_AGENT =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

test("the pre-join shows a live preview and microphone level, and joining muted with the camera off is remembered", async ({
  page,
}) => {
  const slug = await hostStartsMeeting(page, "Pia");
  const prejoin = page.getByTestId("prejoin");

  const preview = prejoin.getByTestId("prejoin-video");
  await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
  const level = prejoin.getByTestId("mic-level");
  await expect
    .poll(async () => Number(await level.getAttribute("data-level")), { timeout: 10_000, intervals: [50] })
    .toBeGreaterThan(0.01);
  await expect(prejoin.getByLabel("Camera", { exact: true })).not.toHaveValue("");
  await expect(prejoin.getByLabel("Microphone", { exact: true })).not.toHaveValue("");

  await prejoin.getByRole("button", { name: "Turn camera off" }).click();
  await expect(prejoin.getByText("Your camera is off")).toBeVisible();
  await prejoin.getByRole("button", { name: "Mute microphone" }).click();
  await prejoin.getByRole("button", { name: "Join meeting" }).click();
  await expect(tiles(page)).toHaveCount(1);

  // Joined with nothing published, as chosen.
  await expect.poll(async () => (await stack.roomService().listParticipants(slug)).length, { timeout: 10_000 }).toBe(1);
  const [me] = await stack.roomService().listParticipants(slug);
  expect(me?.tracks).toEqual([]);

  // Next time, the same choices are offered.
  await page.getByRole("button", { name: "Leave" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/r/${slug}`);
  await expect(page.getByTestId("prejoin").getByRole("button", { name: "Turn camera on" })).toBeVisible();
  await expect(page.getByTestId("prejoin").getByRole("button", { name: "Unmute microphone" })).toBeVisible();
});

// Notes the tracks of every getUserMedia call before the page's own scripts run: which devices
// were opened, how often, and whether they are still open.
function noteCaptures() {
  const notes: MediaStreamTrack[][] = [];
  (window as unknown as { __captures: MediaStreamTrack[][] }).__captures = notes;
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    notes.push(stream.getTracks());
    return stream;
  };
}

/** Each capture so far, as its tracks now: "audio live", "video live 1280x720", "video ended". */
const captures = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __captures: MediaStreamTrack[][] }).__captures.map((tracks) =>
      tracks
        .map((track) => {
          const { width, height } = track.getSettings();
          const size = track.kind === "video" && track.readyState === "live" ? ` ${width}x${height}` : "";
          return `${track.kind} ${track.readyState}${size}`;
        })
        .sort(),
    ),
  );

test("the camera and microphone opened for the preview are the ones sent: opened once, in 720p, and closed when turned off", async ({
  page,
  openPage,
}) => {
  await page.addInitScript(noteCaptures);
  const slug = await hostStartsMeeting(page, "Pia");
  const preview = page.getByTestId("prejoin").getByTestId("prejoin-video");
  await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBe(1280);
  await joinFromPreJoin(page);
  const quinn = await openPage();
  await memberOpens(quinn, newPerson("Quinn"), slug);
  await joinFromPreJoin(quinn);
  await expectRemoteVideoPlaying(quinn);

  // The media server receives Pia's camera in 720p, and her browser opened it only once: on the
  // pre-join screen. Those tracks are still open, so they are the ones being sent.
  const sent = async () => {
    const everyone = await stack.roomService().listParticipants(slug);
    const pia = everyone.find((participant) => participant.name.startsWith("Pia"));
    return pia?.tracks.find((track) => track.source === TrackSource.CAMERA);
  };
  await expect.poll(async () => (await sent())?.width, { timeout: 10_000 }).toBe(1280);
  expect((await sent())?.height).toBe(720);
  expect(await captures(page)).toEqual([["audio live", "video live 1280x720"]]);

  // Turning the camera off closes it (its light goes out), not just sends black.
  const camera = page
    .getByRole("toolbar", { name: "Meeting controls" })
    .getByRole("button", { name: "Camera", exact: true });
  await camera.click();
  await expect(camera).toHaveAttribute("aria-pressed", "false");
  await expect.poll(() => captures(page)).toEqual([["audio live", "video ended"]]);

  // On again, it is opened again in 720p, and Quinn sees Pia again.
  await camera.click();
  await expect(camera).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => captures(page)).toEqual([["audio live", "video ended"], ["video live 1280x720"]]);
  await expectRemoteVideoPlaying(quinn);
});

test("Join pressed before the preview is up: the meeting opens the camera and microphone itself, the others see and hear them, and the late preview is closed", async ({
  page,
  openPage,
}) => {
  const slug = await hostStartsMeeting(page, "Pia");
  await joinFromPreJoin(page);
  const quick = await openPage();
  // A slow camera: the pre-join screen's capture takes 4 s; what is asked after Join is not slowed.
  await quick.addInitScript(() => {
    const notes: MediaStreamTrack[][] = [];
    Object.assign(window, { __captures: notes, __slowCapture: true });
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if ((window as unknown as { __slowCapture: boolean }).__slowCapture)
        await new Promise((resolve) => setTimeout(resolve, 4000));
      const stream = await original(constraints);
      notes.push(stream.getTracks());
      return stream;
    };
  });
  await memberOpens(quick, newPerson("Quick"), slug);
  const prejoin = quick.getByTestId("prejoin");
  const join = prejoin.getByRole("button", { name: "Join meeting" });
  await expect(join).toBeEnabled();
  await expect(prejoin.getByTestId("prejoin-video")).toBeHidden();
  await quick.evaluate(() => Object.assign(window, { __slowCapture: false }));
  await join.click();
  await expect(prejoin).toBeHidden();

  await expectRemoteVideoPlaying(page);
  await expectRemoteAudioPlaying(page);
  const controls = quick.getByRole("toolbar", { name: "Meeting controls" });
  await expect(controls.getByRole("button", { name: "Camera", exact: true })).toHaveAttribute("aria-pressed", "true");
  // The meeting opened each device once, in 720p; the preview's capture, arriving after, was closed.
  await expect
    .poll(async () => (await captures(quick)).sort(), { timeout: 10_000 })
    .toEqual([["audio ended", "video ended"], ["audio live"], ["video live 1280x720"]]);
});

test("a guest's camera stays the same from the pre-join screen through a refused name and the door into the meeting", async ({
  page,
  openPage,
}) => {
  const host = await openPage();
  const slug = await hostStartsMeeting(host, "Host");
  await joinFromPreJoin(host);
  const link = await createLinkInUi(await host.context().newPage(), slug, "participant");
  await page.addInitScript(noteCaptures);
  await page.goto(link);
  const prejoin = page.getByTestId("prejoin");
  await expect.poll(() => captures(page)).toEqual([["audio live", "video live 1280x720"]]);

  await prejoin.getByLabel("Your name").fill("Gi\u0007na");
  await prejoin.getByRole("button", { name: "Join meeting" }).click();
  await expect(prejoin.getByRole("alert")).toContainText("Your name contains characters we can't show.");
  // The same camera and microphone stay open and the preview plays on while the name is fixed.
  await expectVideoPlaying(prejoin.getByTestId("prejoin-video"));
  expect(await captures(page)).toEqual([["audio live", "video live 1280x720"]]);

  // Guests wait to be let in (the room's default). The camera goes on to the door, where the host
  // sees it; the microphone is closed while waiting.
  await prejoin.getByLabel("Your name").fill("Gina");
  await prejoin.getByRole("button", { name: "Join meeting" }).click();
  await expect(page.getByTestId("meeting")).toHaveAttribute("data-stage", "waiting");
  await expectVideoPlaying(page.getByTestId("waiting-video"));
  const knock = host.getByTestId("knock").filter({ hasText: "Gina" });
  await expectVideoPlaying(knock.getByTestId("knock-video"));
  expect(await captures(page)).toEqual([["audio ended", "video live 1280x720"]]);

  // Let in, the same camera is sent in the meeting; only the microphone is opened again.
  await knock.getByRole("button", { name: "Admit Gina" }).click();
  await expect(tiles(page)).toHaveCount(2);
  await expectRemoteVideoPlaying(host);
  await expect.poll(() => captures(page)).toEqual([["audio ended", "video live 1280x720"], ["audio live"]]);
});

// A browser that asks for permission and is refused, and one on a machine with no camera or
// microphone at all: each gets its own explanation, and the person can still join.
const deviceTrouble = [
  {
    problem: "blocked",
    without: "--use-fake-ui-for-media-stream",
    says: (kind: string) => `Your browser blocked the ${kind}.`,
  },
  {
    problem: "missing",
    without: "--use-fake-device-for-media-stream",
    says: (kind: string) => `No ${kind} was found.`,
  },
];

for (const { problem, without, says } of deviceTrouble) {
  test(`a ${problem} camera and microphone are explained, and one can join without them`, async ({}, testInfo) => {
    const browser = await chromium.launch({
      executablePath: findChromium() ?? undefined,
      args: CHROMIUM_ARGS.filter((arg) => arg !== without),
    });
    const page = await (await browser.newContext({ baseURL: stack.appUrl })).newPage();
    try {
      const slug = await hostStartsMeeting(page, "Pia");
      const prejoin = page.getByTestId("prejoin");
      await expect(prejoin.getByTestId("camera-problem")).toContainText(says("camera"));
      await expect(prejoin.getByTestId("microphone-problem")).toContainText(says("microphone"));
      await prejoin.getByRole("button", { name: "Join without camera" }).click();
      await prejoin.getByRole("button", { name: "Join without microphone" }).click();
      await expect(prejoin.getByRole("alert")).toHaveCount(0);
      await prejoin.getByRole("button", { name: "Join meeting" }).click();
      await expect(tiles(page)).toHaveCount(1);
      await expect
        .poll(async () => (await stack.roomService().listParticipants(slug)).length, { timeout: 10_000 })
        .toBe(1);
    } catch (error) {
      await testInfo.attach("page", { body: await page.screenshot(), contentType: "image/png" });
      throw error;
    } finally {
      await browser.close();
    }
  });
}

// The camera preview and "Join meeting" in sight without scrolling: side by side on a laptop,
// stacked on a phone (emulated: its viewport, touch and mobile layout).
const screens = [
  { name: "a 1280x800 laptop", options: { viewport: LAPTOP } },
  {
    name: "a 390x844 phone",
    options: { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3, userAgent: PHONE_AGENT },
  },
];
for (const screen of screens) {
  test(`on ${screen.name}, the preview and "Join meeting" show without scrolling`, async ({ browser, openPage }) => {
    const host = await openPage();
    const slug = await hostStartsMeeting(host, "Hal");
    const context = await browser.newContext({ ...screen.options, baseURL: stack.appUrl });
    await context.grantPermissions(["camera", "microphone"], { origin: stack.appUrl });
    try {
      const page = await context.newPage();
      await memberOpens(page, newPerson("Pat"), slug);
      const prejoin = page.getByTestId("prejoin");
      await expect(prejoin.getByTestId("prejoin-video")).toBeInViewport({ ratio: 0.99 });
      await expect(prejoin.getByRole("button", { name: "Join meeting" })).toBeInViewport({ ratio: 0.99 });
      expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
      const preview = (await prejoin.getByTestId("prejoin-video").boundingBox())!;
      const join = (await prejoin.getByRole("button", { name: "Join meeting" }).boundingBox())!;
      if (screen.options.viewport.width > 800) expect(join.x).toBeGreaterThan(preview.x + preview.width);
      else expect(join.y).toBeGreaterThan(preview.y + preview.height);
      await page.screenshot({ path: `docs/screenshots/prejoin-${screen.options.viewport.width}.png` });

      if (screen.options.viewport.width < 800) {
        // A full join on the phone: the host's video plays, and the controls are on the screen.
        await host.goto(`/r/${slug}`);
        await joinFromPreJoin(host);
        await prejoin.getByRole("button", { name: "Join meeting" }).tap();
        await expect(tiles(page)).toHaveCount(2);
        await expectRemoteVideoPlaying(page);
        await expect(page.getByRole("button", { name: "Leave", exact: true })).toBeInViewport({ ratio: 0.99 });
      }
    } finally {
      await context.close();
    }
  });
}
