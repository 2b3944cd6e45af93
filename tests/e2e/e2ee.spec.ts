// End-to-end encrypted rooms in real browsers against the real LiveKit server: the people in the
// meeting see each other and are told it is encrypted; a client that joins the same LiveKit room
// with a valid token but without the key receives the video and cannot show it; a browser that
// cannot encrypt is told so and cannot join.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { AccessToken } from "livekit-server-sdk";
import { expect, test } from "./fixtures";
import { expectRemoteVideoPlaying, hostStartsMeeting, joinFromPreJoin, memberOpens, tiles } from "./support";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

const BADGE =
  "This meeting is end-to-end encrypted: video and sound are encrypted in each browser, and the media server cannot see or hear them";

/** On the room's invites page, the way a host does. */
async function switchEncryption(page: Page, slug: string, on: boolean) {
  await page.goto(`/r/${slug}/invites`);
  await page.getByLabel(/End-to-end encryption/).setChecked(on);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
}

// The third client: livekit-client on a page of its own (not Parley's), served from loopback by the
// test (a page Playwright fulfils itself counts as public to Chromium, which then refuses it the
// loopback media server), joining with a token the test mints with the media server's keys, as
// whoever runs the media server could.
const livekitClientScript = readFileSync("node_modules/livekit-client/dist/livekit-client.umd.js", "utf8");

async function openProbe(page: Page): Promise<Page> {
  const server = createServer((request, response) => {
    const script = request.url === "/livekit-client.js";
    response.writeHead(200, { "content-type": script ? "text/javascript" : "text/html" });
    response.end(script ? livekitClientScript : '<!doctype html><script src="/livekit-client.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  page.on("close", () => server.close());
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/probe.html`);
  return page;
}

async function probeJoins(page: Page, room: string): Promise<void> {
  const token = new AccessToken(stack.livekitKey, stack.livekitSecret, { identity: `probe-${Date.now()}` });
  token.addGrant({ room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
  const url = stack.livekitUrl.replace(/^http/, "ws");
  await page.evaluate(
    async ({ url, token }) => {
      const { Room, RoomEvent, Track } = (window as unknown as { LivekitClient: typeof import("livekit-client") })
        .LivekitClient;
      const previous = (window as unknown as { probeRoom?: InstanceType<typeof Room> }).probeRoom;
      await previous?.disconnect();
      document.querySelectorAll("video").forEach((video) => video.remove());
      const room = new Room();
      (window as unknown as { probeRoom: InstanceType<typeof Room> }).probeRoom = room;
      room.on(RoomEvent.TrackSubscribed, (track) => {
        if (track.kind !== Track.Kind.Video) return;
        const video = track.attach() as HTMLVideoElement;
        video.muted = true;
        document.body.append(video);
      });
      await room.connect(url, token, { autoSubscribe: true });
    },
    { url, token: await token.toJwt() },
  );
}

type Seen = {
  bytesReceived: number;
  framesDecoded: number;
  width: number;
  shown: number;
  background: number;
  figure: number;
};

/**
 * What the third client got of the first remote camera: bytes received and frames decoded, and of
 * the picture it shows, its width, frames shown, and how much of it looks like Chromium's synthetic
 * camera: a flat mid-green background (about rgb(0, 128, 0)) with a bright green figure and clock.
 * Both must be there: a frame of zeros decoded from garbage is also mid-green, but has no figure.
 */
const seen = (page: Page): Promise<Seen> =>
  page.evaluate(async () => {
    const room = (window as unknown as { probeRoom: import("livekit-client").Room }).probeRoom;
    let bytesReceived = 0;
    let framesDecoded = 0;
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.videoTrackPublications.values()) {
        const stats = await publication.track?.receiver?.getStats();
        stats?.forEach((report: { type: string; bytesReceived?: number; framesDecoded?: number }) => {
          if (report.type !== "inbound-rtp") return;
          bytesReceived += report.bytesReceived ?? 0;
          framesDecoded += report.framesDecoded ?? 0;
        });
      }
    }
    const video = document.querySelector("video");
    if (!video || video.videoWidth === 0)
      return { bytesReceived, framesDecoded, width: 0, shown: 0, background: 0, figure: 0 };
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext("2d")!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let background = 0;
    let figure = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r < 40 && b < 40 && g > 100 && g < 160) background++;
      else if (g > 200 && r < 160 && b < 110) figure++;
    }
    const pixels = data.length / 4;
    return {
      bytesReceived,
      framesDecoded,
      width: video.videoWidth,
      shown: video.getVideoPlaybackQuality().totalVideoFrames,
      background: background / pixels,
      figure: figure / pixels,
    };
  });

/** The check that tells the synthetic camera's moving picture from anything else, over two seconds. */
async function showsTheCamera(page: Page): Promise<boolean> {
  const first = await seen(page);
  await page.waitForTimeout(2000);
  const later = await seen(page);
  console.log("probe saw", JSON.stringify({ first, later }));
  return (
    later.width > 0 &&
    later.shown > first.shown &&
    [first, later].every((frame) => frame.background > 0.5 && frame.figure > 0.005)
  );
}

test("two people in an encrypted room see each other and are told it is encrypted; a client with a valid token but no key receives their video and cannot show it", async ({
  openPage,
}) => {
  test.setTimeout(180_000);
  const probe = await openProbe(await openPage({ permissions: [] }));

  // First, the probe's check on a room without encryption: there it does show the camera.
  const plainHost = await openPage();
  const workersStarted = (page: Page) => {
    const fetched: string[] = [];
    // Turbopack starts each worker through a bootstrap script of its own, so any worker counts.
    page.on("worker", (worker) => fetched.push(worker.url()));
    return fetched;
  };
  const plainWorker = workersStarted(plainHost);
  const plainSlug = await hostStartsMeeting(plainHost, "Plain");
  await joinFromPreJoin(plainHost);
  await expect(plainHost.getByRole("note", { name: BADGE })).toHaveCount(0);
  await expect(plainHost.getByTestId("record-button")).toBeVisible();
  await probeJoins(probe, plainSlug);
  await expect.poll(() => showsTheCamera(probe), { timeout: 30_000 }).toBe(true);
  // A room without encryption never starts LiveKit's encryption worker.
  expect(plainWorker).toEqual([]);
  await plainHost.close();

  // An encrypted room: both people see each other, with the label.
  const host = await openPage();
  const hostWorker = workersStarted(host);
  const slug = await hostStartsMeeting(host, "Hana", "Encrypted review");
  await switchEncryption(host, slug, true);
  await host.goto(`/r/${slug}`);
  await expect(host.getByTestId("prejoin-e2ee")).toHaveText(/This meeting is end-to-end encrypted\./);
  await joinFromPreJoin(host);
  const guestPerson = newPerson("Bruno");
  const member = await openPage();
  await memberOpens(member, guestPerson, slug);
  await joinFromPreJoin(member);
  for (const page of [host, member]) {
    await expect(tiles(page)).toHaveCount(2);
    await expectRemoteVideoPlaying(page);
    await expect(page.getByRole("note", { name: BADGE })).toBeVisible();
    await expect(page.getByRole("note", { name: BADGE })).toHaveText(/End-to-end encrypted/);
  }
  // The recorder holds no key: the host is not offered recording here (the server refuses it too).
  await expect(host.getByTestId("record-button")).toHaveCount(0);
  await host.screenshot({ path: "docs/screenshots/meeting-e2ee.png" });
  // The encrypted one does, from Parley's own origin.
  expect(hostWorker.length).toBeGreaterThan(0);
  expect(hostWorker.every((url) => new URL(url).origin === new URL(host.url()).origin)).toBe(true);

  // The probe joins with a valid token and no key: the video arrives, the camera never shows.
  await probeJoins(probe, slug);
  await expect.poll(async () => (await seen(probe)).bytesReceived, { timeout: 20_000 }).toBeGreaterThan(20_000);
  for (let i = 0; i < 4; i++) expect(await showsTheCamera(probe)).toBe(false);
  await probe.screenshot({ path: test.info().outputPath("probe-encrypted.png") });
  // Meanwhile the people in the meeting still see each other.
  await expectRemoteVideoPlaying(member);
  await probe.evaluate(() =>
    (window as unknown as { probeRoom: import("livekit-client").Room }).probeRoom.disconnect(),
  );

  // Attendance is still recorded: both leave, and the host finds both in the history.
  await member.getByRole("button", { name: "Leave" }).click();
  await expect(tiles(host)).toHaveCount(1);
  await host.getByRole("button", { name: "Leave" }).click();
  await host.goto(`/r/${slug}/history`);
  const stays = host.getByTestId("meeting-record").first().getByTestId("attendance").locator("tbody tr");
  await expect(stays.filter({ hasText: "Hana" })).toHaveCount(1);
  await expect(stays.filter({ hasText: guestPerson.name })).toHaveCount(1);
});

test("a browser that cannot encrypt is told so on the pre-join screen and cannot join", async ({ openPage }) => {
  const host = await openPage();
  const slug = await hostStartsMeeting(host, "Owner");
  await switchEncryption(host, slug, true);

  const person = await openPage();
  await person.addInitScript(() => {
    delete (window as unknown as { RTCRtpScriptTransform?: unknown }).RTCRtpScriptTransform;
    delete (RTCRtpSender.prototype as unknown as { createEncodedStreams?: unknown }).createEncodedStreams;
  });
  const tokens: string[] = [];
  person.on("request", (request) => request.url().includes("/token") && tokens.push(request.url()));
  await memberOpens(person, newPerson("Old browser"), slug);
  const prejoin = person.getByTestId("prejoin");
  await expect(prejoin.getByRole("alert")).toHaveText(
    "This meeting is end-to-end encrypted, and this browser cannot encrypt video and sound, so it cannot join. Use a current version of Chrome, Edge, Firefox or Safari.",
  );
  await expect(prejoin.getByRole("button", { name: "Join meeting" })).toBeDisabled();
  await prejoin.getByRole("button", { name: "Join meeting" }).click({ force: true });
  await expect(prejoin).toBeVisible();
  expect(tokens).toEqual([]);

  // The same browser joins a room without encryption as before.
  const plain = await openPage();
  const plainSlug = await hostStartsMeeting(plain, "Plain owner");
  await person.goto(`/r/${plainSlug}`);
  await expect(person.getByTestId("prejoin").getByRole("alert")).toHaveCount(0);
  await joinFromPreJoin(person);
  await expect(tiles(person)).toHaveCount(1);
});
