// The waiting room as people live it, three browsers at once: the owner sees (and hears) who
// knocks, with the knocker's camera live in the list, and lets them in or turns them away; a
// knock outlives the owner's reload and an app restart. And the lock: a valid link is refused
// until the room is unlocked.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { restartable } from "./restartable-stack";
import {
  chooseWhoWaits,
  createLinkInUi,
  expectRemoteVideoPlaying,
  expectVideoPlaying,
  hostStartsMeeting,
  joinFromPreJoin,
  tiles,
} from "./support";

declare global {
  interface Window {
    parleyTonesPlayed?: number;
  }
}

/** Counts the tones this page plays on a running (audible) AudioContext. */
async function listenForTones(page: Page) {
  await page.addInitScript(() => {
    window.parleyTonesPlayed = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode["start"]>) {
      if (this.context.state === "running") window.parleyTonesPlayed! += 1;
      return start.apply(this, args);
    };
  });
}

const knockOf = (page: Page, name: string) => page.getByTestId("knock").filter({ hasText: name });

/** A guest opens the link, types their name and presses Join once: they are at the door. */
async function guestKnocks(page: Page, link: string, name: string) {
  await page.goto(link);
  await joinFromPreJoin(page, { name });
  const waiting = page.getByTestId("waiting-room");
  await expect(waiting.getByRole("heading", { name: "Waiting for the host to let you in" })).toBeVisible();
  return waiting;
}

test("the owner sees a guest's face at the door and admits them; a second is denied with a message; knocks outlive a reload and a closed tab leaves", async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const owner = await openPage();
  await listenForTones(owner);
  const slug = await hostStartsMeeting(owner, "Olga");
  await joinFromPreJoin(owner);
  await expect(tiles(owner)).toHaveCount(1);
  const link = await createLinkInUi(await owner.context().newPage(), slug, "participant", "Clients");

  // The first guest knocks: they see themselves and nothing of the meeting.
  const guest = await openPage();
  const door = await guestKnocks(guest, link, "Gina");
  await expectVideoPlaying(door.getByTestId("waiting-video"));
  await expect(door.getByTestId("waiting-detail")).toContainText("The hosts know you're here");
  await expect(tiles(guest)).toHaveCount(0);
  await guest.screenshot({ path: "docs/screenshots/waiting-room-knocker.png" });

  // The owner is told at once: a chime, the name, guest, the link, how long, and the live camera.
  const gina = knockOf(owner, "Gina");
  await expect(gina).toBeVisible();
  await expect(gina).toContainText("Guest");
  await expect(gina).toContainText("“Clients”");
  await expect(gina.getByTestId("knock-waited")).toContainText(/waiting \d+ s/);
  await expect.poll(() => owner.evaluate(() => window.parleyTonesPlayed)).toBeGreaterThan(0);
  await expectVideoPlaying(gina.getByTestId("knock-video"));
  await owner.screenshot({ path: "docs/screenshots/waiting-room.png" });

  await gina.getByRole("button", { name: "Admit Gina" }).click();
  await expect(tiles(guest)).toHaveCount(2);
  await expect(tiles(owner)).toHaveCount(2);
  await expectRemoteVideoPlaying(owner);
  await expectRemoteVideoPlaying(guest);
  await expect(owner.getByTestId("knock-list")).toBeHidden();

  // A second guest is turned away with a message, and reads it.
  const second = await openPage();
  await guestKnocks(second, link, "Dora");
  const dora = knockOf(owner, "Dora");
  await dora.getByRole("button", { name: "Deny Dora" }).click();
  await dora.getByLabel("Message to Dora").fill("Sorry, members only today.");
  await dora.getByRole("button", { name: "Deny", exact: true }).click();
  await expect(second.getByRole("heading", { name: "The host didn't let you in" })).toBeVisible();
  await expect(second.getByTestId("denial-message")).toHaveText("Sorry, members only today.");
  await second.setViewportSize({ width: 390, height: 844 });
  await expect(second.getByTestId("denial-message")).toBeInViewport();
  await second.screenshot({ path: ".test-run/screens/denied-phone.png" });
  await expect(tiles(second)).toHaveCount(0);
  await expect(dora).toBeHidden();

  // A third knocks while the owner reloads: the knock is still listed when the owner is back.
  const third = await openPage();
  await guestKnocks(third, link, "Theo");
  await expect(knockOf(owner, "Theo")).toBeVisible();
  await owner.reload();
  await joinFromPreJoin(owner);
  await expect(knockOf(owner, "Theo")).toBeVisible();
  await expectVideoPlaying(knockOf(owner, "Theo").getByTestId("knock-video"));

  // On a phone, the list is on screen and its buttons within reach.
  await owner.setViewportSize({ width: 390, height: 844 });
  const admitTheo = knockOf(owner, "Theo").getByRole("button", { name: "Admit Theo" });
  await expect(admitTheo).toBeInViewport();
  await owner.screenshot({ path: "docs/screenshots/waiting-room-phone.png" });
  await knockOf(owner, "Theo").getByRole("button", { name: "Deny Theo" }).click();
  await expect(knockOf(owner, "Theo").getByLabel("Message to Theo")).toBeInViewport();
  await owner.screenshot({ path: ".test-run/screens/deny-form-phone.png" });
  await knockOf(owner, "Theo").getByRole("button", { name: "Cancel" }).click();
  await owner.setViewportSize({ width: 1280, height: 720 });

  // Theo closes the tab: he leaves the owner's list within seconds.
  await third.close();
  await expect(knockOf(owner, "Theo")).toBeHidden({ timeout: 15_000 });
});

test("a locked room refuses a valid invite link; unlocked, the same link gets in", async ({ openPage }) => {
  const owner = await openPage();
  const slug = await hostStartsMeeting(owner, "Lou");
  await joinFromPreJoin(owner);
  const manage = await owner.context().newPage();
  await chooseWhoWaits(manage, slug, "Nobody: everyone allowed in joins at once");
  const link = await createLinkInUi(manage, slug, "participant");
  const lockCard = manage.getByTestId("room-lock");
  await lockCard.getByRole("button", { name: "Lock the room" }).click();
  await expect(lockCard).toContainText("The room is locked");

  const guest = await openPage();
  await guest.goto(link);
  await joinFromPreJoin(guest, { name: "Lena" });
  await expect(guest.getByRole("heading", { name: "This meeting is locked" })).toBeVisible();
  await expect(tiles(guest)).toHaveCount(0);

  await lockCard.getByRole("button", { name: "Unlock the room" }).click();
  await expect(lockCard).toContainText("The room is open");
  await guest.getByRole("button", { name: "Try again" }).click();
  await expect(tiles(guest)).toHaveCount(2);
  await expectRemoteVideoPlaying(guest);
});

test.describe("on a stack the test restarts", () => {
  const { baseURL } = restartable;

  test.beforeEach(async () => {
    await restartable.startLiveKit();
    await restartable.startApp();
  });
  test.afterEach(async () => restartable.stopAll());

  test("the app restarts while a guest waits: the knock is still there, and admitting works", async ({ openPage }) => {
    test.setTimeout(150_000);
    const owner = await openPage({ baseURL });
    const slug = await hostStartsMeeting(owner, "Rhea");
    await joinFromPreJoin(owner);
    const link = await createLinkInUi(await owner.context().newPage(), slug, "participant");
    const guest = await openPage({ baseURL });
    const door = await guestKnocks(guest, link, "Gus");
    await expect(knockOf(owner, "Gus")).toBeVisible();

    await restartable.stopApp();
    await expect(door.getByTestId("waiting-detail")).toContainText("can't be reached", { timeout: 15_000 });
    await restartable.startApp();

    // A fresh look at the door, from what the server kept.
    await owner.reload();
    await joinFromPreJoin(owner);
    const gus = knockOf(owner, "Gus");
    await expect(gus).toBeVisible({ timeout: 20_000 });
    await gus.getByRole("button", { name: "Admit Gus" }).click();
    await expect(tiles(guest)).toHaveCount(2);
    await expectRemoteVideoPlaying(owner);
  });
});
