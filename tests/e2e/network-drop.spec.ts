// One participant's network goes dead for 5 s. Their browser sends everything, media included,
// through a proxy on its own network path (./network-path.ts), which the test cuts and restores.
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../support/chromium";
import { stack } from "../support/stack";
import { expect, test } from "./fixtures";
import { NetworkPath, proxiedChromiumArgs } from "./network-path";
import {
  expectRemoteVideoPlaying,
  framesShown,
  hostStartsMeeting,
  joinFromPreJoin,
  memberOpens,
  tiles,
} from "./support";
import { newPerson } from "../support/factories";

const DROP_MS = 5_000;

test("a participant's network drops for 5 s: the others see them reconnecting, not gone, and they come back without a reload", async ({
  openPage,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const path = await NetworkPath.open();
  const launch = chromiumLaunchOptions();
  const ownBrowser = await chromium.launch({ ...launch, args: [...launch.args, ...proxiedChromiumArgs(path.url)] });
  try {
    const host = await openPage();
    const slug = await hostStartsMeeting(host, "Hana");
    await joinFromPreJoin(host);

    const context = await ownBrowser.newContext({ baseURL });
    await context.grantPermissions(["camera", "microphone"], { origin: baseURL });
    const traveller = await context.newPage();
    const person = newPerson("Femi");
    await memberOpens(traveller, person, slug);
    await joinFromPreJoin(traveller);
    await expectRemoteVideoPlaying(host);
    await expectRemoteVideoPlaying(traveller);
    await traveller.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const notice = host.getByTestId("participants-reconnecting");
    await expect(notice).toBeHidden();

    path.drop();
    const dropped = Date.now();
    // The cut is real: no new frame of theirs reaches the host.
    const framesAtDrop = await framesShown(host);
    await expect(notice).toHaveText(`${person.name} is reconnecting…`, { timeout: DROP_MS });
    expect(await framesShown(host)).toBeLessThanOrEqual(framesAtDrop + 2);
    // Not gone: still a tile on the host's screen, still in the room on the media server.
    await expect(tiles(host)).toHaveCount(2);
    expect((await stack.roomService().listParticipants(slug)).map((p) => p.name)).toContain(person.name);
    await host.waitForTimeout(Math.max(0, DROP_MS - (Date.now() - dropped)));
    await expect(tiles(host)).toHaveCount(2);
    path.restore();

    // Back, in the same page: each sees the other's video moving again, and the notice goes.
    await expectRemoteVideoPlaying(host);
    await expectRemoteVideoPlaying(traveller);
    await expect(notice).toBeHidden({ timeout: 20_000 });
    await expect(tiles(host)).toHaveCount(2);
    await expect(tiles(traveller)).toHaveCount(2);
    expect(await traveller.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await ownBrowser.close();
    await path.close();
  }
});
