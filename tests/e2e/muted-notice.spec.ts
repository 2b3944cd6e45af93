// "You are muted": a person who talks with the microphone off is told so. Chromium's fake
// microphone plays a steady tone from a WAV file here (its default only beeps now and then),
// as someone speaking would.
import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../support/chromium";
import { expect, test } from "./fixtures";
import { hostStartsMeeting, joinFromPreJoin, tiles } from "./support";

/** A mono 16-bit WAV of a 300 Hz tone at half scale. */
function toneWav(seconds: number): Buffer {
  const rate = 48_000;
  const samples = rate * seconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    wav.writeInt16LE(Math.round(16_000 * Math.sin((2 * Math.PI * 300 * i) / rate)), 44 + i * 2);
  return wav;
}

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
