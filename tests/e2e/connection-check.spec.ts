// The connection check (/check) on the real stack: all steps pass here; with the media server
// gone it names the signalling step; in a browser whose UDP is unusable (all its traffic through
// a proxy, ./network-path.ts) it says UDP is blocked, and that browser still meets over TCP.
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../support/chromium";
import { expect, test } from "./fixtures";
import { NetworkPath, proxiedChromiumArgs } from "./network-path";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";
import { expectRemoteVideoPlaying, hostStartsMeeting, joinFromPreJoin, signUpHere } from "./support";

const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`);

/** A new person signs up on this page (the check is for members and guests). */
async function signUpOn(page: Page, label: string) {
  await page.goto("/signup");
  await signUpHere(page, newPerson(label));
  await expect(page.getByRole("heading", { name: "New meeting" })).toBeVisible();
}

async function runCheck(page: Page) {
  await page.goto("/check");
  await page.getByRole("button", { name: "Start the check" }).click();
  await expect(page.getByTestId("connection-check")).toHaveAttribute("data-state", "done", { timeout: 120_000 });
}

test("the connection check passes every step on a network that lets everything through, and the result can be copied", async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const page = await openPage();
  await signUpOn(page, "Checker");
  await runCheck(page);
  for (const id of ["app", "devices", "signal", "udp", "tcp", "turn", "audio", "video"]) {
    // The message carries what the page said, so a failure elsewhere can be read from the log.
    const said = await step(page, id).textContent();
    await expect(step(page, id), `${id}: ${said}`).toHaveAttribute("data-verdict", "passed");
  }
  await expect(page.getByTestId("check-summary")).toHaveText("Everything works: you can join meetings from here.");
  await page.getByRole("button", { name: "Copy the results" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Media over UDP: PASSED");
  expect(copied).toContain("Media through the relay (TURN): PASSED");
});

test("the pre-join screen links to the check", async ({ openPage }) => {
  const host = await openPage();
  await hostStartsMeeting(host, "Linda");
  await expect(host.getByTestId("prejoin").getByRole("link", { name: /connection/i })).toHaveAttribute(
    "href",
    "/check",
  );
});

test("with the media server down, the check names the signalling step and stops there", async ({ openPage }) => {
  test.setTimeout(120_000);
  const page = await openPage({ baseURL: stack.appWithoutLiveKitUrl });
  await signUpOn(page, "Stranded");
  await runCheck(page);
  await expect(step(page, "app")).toHaveAttribute("data-verdict", "passed");
  await expect(step(page, "signal")).toHaveAttribute("data-verdict", "failed");
  await expect(step(page, "signal")).toContainText("The meeting service at 127.0.0.1 can't be reached");
  await expect(step(page, "signal")).toContainText("Parley can't reach it either");
  for (const id of ["udp", "tcp", "turn", "audio", "video"])
    await expect(step(page, id), id).toHaveAttribute("data-verdict", "skipped");
  await expect(page.getByTestId("check-summary")).toContainText("You can't join meetings");
});

test("in a browser whose UDP is unusable, the check says UDP is blocked and what to ask for, and the meeting works over TCP", async ({
  openPage,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const path = await NetworkPath.open();
  const launch = chromiumLaunchOptions();
  const ownBrowser = await chromium.launch({ ...launch, args: [...launch.args, ...proxiedChromiumArgs(path.url)] });
  try {
    const context = await ownBrowser.newContext({ baseURL });
    await context.grantPermissions(["camera", "microphone"], { origin: baseURL });
    const traveller = await context.newPage();
    await signUpOn(traveller, "Hotel");
    await runCheck(traveller);
    await expect(step(traveller, "signal")).toHaveAttribute("data-verdict", "passed");
    await expect(step(traveller, "udp")).toHaveAttribute("data-verdict", "failed");
    await expect(step(traveller, "udp")).toContainText("UDP is blocked");
    await expect(step(traveller, "udp")).toContainText("Ask your network's administrator to allow outgoing UDP");
    await expect(step(traveller, "tcp")).toHaveAttribute("data-verdict", "passed");
    await expect(traveller.getByTestId("check-summary")).toContainText(
      "You can join meetings, but not everything works",
    );

    const host = await openPage();
    const slug = await hostStartsMeeting(host, "Ines");
    await joinFromPreJoin(host);
    await traveller.goto(`/r/${slug}`);
    await joinFromPreJoin(traveller);
    await expectRemoteVideoPlaying(host);
    await expectRemoteVideoPlaying(traveller);
  } finally {
    await ownBrowser.close();
    await path.close();
  }
});
