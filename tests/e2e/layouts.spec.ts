// The meeting's layouts as people use them: grid and speaker view, a pin, a self-view that can be
// hidden, picture-in-picture of the active speaker, joins and leaves said to screen readers. And
// what adaptiveStream and dynacast buy: a small tile receives a smaller, cheaper stream.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectRemoteVideoPlaying, hostStartsMeeting, joinFromPreJoin, memberOpens, tiles } from "./support";
import { newPerson } from "../support/factories";

const controls = (page: Page) => page.getByRole("toolbar", { name: "Meeting controls" });
const focused = (page: Page) => page.getByTestId("focused-tile");

test("grid and speaker view, a pin, a hidden self-view, picture-in-picture, and joins and leaves announced", async ({
  openPage,
}) => {
  const host = await openPage();
  const slug = await hostStartsMeeting(host, "Lia");
  await joinFromPreJoin(host);
  const guestPerson = newPerson("Max");
  const guest = await openPage();
  await memberOpens(guest, guestPerson, slug);
  await joinFromPreJoin(guest);
  await expect(tiles(host)).toHaveCount(2);
  await expectRemoteVideoPlaying(host);
  await expect(host.getByTestId("join-leave-announcer")).toContainText(`${guestPerson.name} joined`);

  // Speaker view: the other person large, oneself in the strip.
  await expect(focused(host)).toHaveCount(0);
  await controls(host).getByRole("button", { name: "Speaker view" }).click();
  await expect(focused(host)).toContainText(guestPerson.name);
  await expect(tiles(host)).toHaveCount(2);

  // A pin wins over the speaker: pinning oneself puts oneself large; unpinning gives the speaker back.
  const hostName = (await host.getByTestId("signed-in-as").textContent())!;
  await host.getByRole("button", { name: `Pin ${hostName}` }).click();
  await expect(focused(host)).toContainText(hostName);
  await host.getByRole("button", { name: `Unpin ${hostName}` }).click();
  await expect(focused(host)).toContainText(guestPerson.name);

  // Back to the grid; the self-view hidden and shown again.
  await controls(host).getByRole("button", { name: "Speaker view" }).click();
  await expect(focused(host)).toHaveCount(0);
  await controls(host).getByRole("button", { name: "Hide self view" }).click();
  await expect(tiles(host)).toHaveCount(1);
  await expect(tiles(host).first()).toContainText(guestPerson.name);
  await controls(host).getByRole("button", { name: "Hide self view" }).click();
  await expect(tiles(host)).toHaveCount(2);

  // Picture-in-picture shows the one who speaks (here the only other person).
  await controls(host).getByRole("button", { name: "Picture in picture" }).click();
  await expect
    .poll(() => host.evaluate(() => document.pictureInPictureElement?.closest("[data-identity]")?.textContent ?? ""))
    .toContain(guestPerson.name);
  await host.evaluate(() => document.exitPictureInPicture());

  await controls(guest).getByRole("button", { name: "Leave", exact: true }).click();
  await expect(host.getByTestId("join-leave-announcer")).toContainText(`${guestPerson.name} left`);
});

declare global {
  interface Window {
    parleyPeerConnections?: RTCPeerConnection[];
  }
}

/** What this page receives of `name`'s camera now: frame width and bytes so far (from getStats()). */
async function receivedFrom(page: Page, name: string) {
  return page.evaluate(async (name) => {
    const tile = [...document.querySelectorAll(".lk-participant-tile")].find((t) => t.textContent?.includes(name));
    const stream = tile?.querySelector("video")?.srcObject;
    const trackId = stream instanceof MediaStream ? stream.getVideoTracks()[0]?.id : undefined;
    if (!trackId) return null;
    for (const connection of window.parleyPeerConnections ?? []) {
      for (const stat of (await connection.getStats()).values()) {
        if (stat.type === "inbound-rtp" && stat.kind === "video" && stat.trackIdentifier === trackId)
          return { frameWidth: (stat.frameWidth as number | undefined) ?? 0, bytes: stat.bytesReceived as number };
      }
    }
    return null;
  }, name);
}

test("with four people, a small tile receives a smaller picture and fewer bytes than the pinned one (adaptiveStream and dynacast)", async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const host = await openPage();
  // Keeps every RTCPeerConnection the page makes, to read its getStats().
  await host.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    window.parleyPeerConnections = [];
    window.RTCPeerConnection = class extends Native {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        window.parleyPeerConnections!.push(this);
      }
    };
  });
  const slug = await hostStartsMeeting(host, "Ada");
  await joinFromPreJoin(host);
  const others = [newPerson("Ben"), newPerson("Cy"), newPerson("Dee")];
  for (const person of others) {
    const page = await openPage();
    await memberOpens(page, person, slug);
    await joinFromPreJoin(page);
  }
  await expect(tiles(host)).toHaveCount(4);
  const [large, small] = [others[0]!.name, others[1]!.name];

  await controls(host).getByRole("button", { name: "Speaker view" }).click();
  await host.getByRole("button", { name: `Pin ${large}` }).click();
  await expect(focused(host)).toContainText(large);
  const sizeOf = (name: string) => host.locator(".lk-participant-tile", { hasText: name }).first().boundingBox();
  expect((await sizeOf(large))!.width).toBeGreaterThan(3 * (await sizeOf(small))!.width);

  // The pinned tile gets a larger layer than the small one once the server has switched layers.
  let widths = "";
  await expect
    .poll(
      async () => {
        const [big, little] = [await receivedFrom(host, large), await receivedFrom(host, small)];
        widths = `pinned ${big?.frameWidth}px, small ${little?.frameWidth}px`;
        return big && little && little.frameWidth > 0 ? big.frameWidth / little.frameWidth : 0;
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toBeGreaterThanOrEqual(2);
  test.info().annotations.push({ type: "layers", description: widths });
  // Bytes over 4 s, in a window where the pinned tile kept its larger layer throughout. On a
  // starved machine the publishers may drop their upper layers for a while (both tiles at 320 px,
  // so the bytes would say nothing): then the window is measured again.
  let rates = { pinned: 0, small: 0 };
  const larger = (pinned: { frameWidth: number }, small: { frameWidth: number }) =>
    pinned.frameWidth > small.frameWidth;
  await expect
    .poll(
      async () => {
        const before = [(await receivedFrom(host, large))!, (await receivedFrom(host, small))!] as const;
        await host.waitForTimeout(4000);
        const after = [(await receivedFrom(host, large))!, (await receivedFrom(host, small))!] as const;
        rates = { pinned: (after[0].bytes - before[0].bytes) / 4, small: (after[1].bytes - before[1].bytes) / 4 };
        test.info().annotations.push({
          type: "received",
          description: `pinned ${after[0].frameWidth}px ${Math.round(rates.pinned / 1000)} kB/s; small ${after[1].frameWidth}px ${Math.round(rates.small / 1000)} kB/s`,
        });
        return larger(...before) && larger(...after);
      },
      { timeout: 60_000, intervals: [0] },
    )
    .toBe(true);
  expect(rates.small).toBeLessThan(rates.pinned);
});
