import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../support/chromium";
import { expect, test } from "./fixtures";
import { hostStartsMeeting, tiles } from "./support";
import { stack } from "../support/stack";

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
