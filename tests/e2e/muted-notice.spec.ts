// "You are muted": a person who talks with the microphone off is told so. Chromium's fake
// microphone plays a steady tone from a WAV file here (its default only beeps now and then),
// as someone speaking would.
import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../support/chromium";
import { toneWav } from "../support/wav";
import { expect, test } from "./fixtures";
import { hostStartsMeeting, joinFromPreJoin, tiles } from "./support";

test("talking with the microphone off brings a notice that nobody hears it; unmuting takes it away", async ({
  baseURL,
}, testInfo) => {
  const tone = testInfo.outputPath("tone.wav");
  writeFileSync(tone, toneWav(10));
  const launch = chromiumLaunchOptions();
  const browser = await chromium.launch({
    ...launch,
    args: [...launch.args, `--use-file-for-fake-audio-capture=${tone}`],
  });
  try {
    const context = await browser.newContext({ baseURL });
    await context.grantPermissions(["camera", "microphone"], { origin: baseURL });
    const page = await context.newPage();
    await hostStartsMeeting(page, "Talker");
    await joinFromPreJoin(page);
    await expect(tiles(page)).toHaveCount(1);
    const notice = page.getByTestId("muted-notice");
    const microphone = page.getByRole("toolbar", { name: "Meeting controls" }).getByRole("button", {
      name: "Microphone",
      exact: true,
    });
    await expect(microphone).toHaveAttribute("aria-pressed", "true");
    await expect(notice).toBeHidden();

    await page.keyboard.press("m");
    await expect(microphone).toHaveAttribute("aria-pressed", "false");
    await expect(notice).toHaveText("You are muted. Turn your microphone on to be heard.");

    await page.keyboard.press("m");
    await expect(microphone).toHaveAttribute("aria-pressed", "true");
    await expect(notice).toBeHidden();
  } finally {
    await browser.close();
  }
});
