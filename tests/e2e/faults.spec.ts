// Faults on a stack of its own (tests/e2e/restartable-stack.ts): the app or the media server
// goes away in the middle of things and comes back. Nobody reloads a page.
import { expect, test } from "./fixtures";
import { restartable } from "./restartable-stack";
import {
  expectRemoteVideoPlaying,
  hostStartsMeeting,
  joinFromPreJoin,
  memberOpens,
  signInAsAdmin,
  tiles,
} from "./support";
import { newPerson } from "../support/factories";

const { baseURL } = restartable;

test.beforeEach(async () => {
  await restartable.startLiveKit();
  await restartable.startApp();
});
test.afterEach(async () => restartable.stopAll());

const participantsOnLiveKit = async (slug: string) =>
  (
    await restartable
      .roomService()
      .listParticipants(slug)
      .catch(() => [])
  ).length;

test("the app restarts during a meeting: the meeting goes on, joins work again, and the admin list is right", async ({
  openPage,
}) => {
  test.setTimeout(120_000);
  const host = await openPage({ baseURL });
  const slug = await hostStartsMeeting(host, "Rita");
  await joinFromPreJoin(host);
  const leaver = await openPage({ baseURL });
  await memberOpens(leaver, newPerson("Leo"), slug);
  await joinFromPreJoin(leaver);
  await expect(tiles(host)).toHaveCount(2);

  const admin = await openPage({ baseURL });
  await signInAsAdmin(admin);
  await admin.goto("/admin");
  const row = admin.locator(`[data-testid="admin-room"][data-slug="${slug}"]`);
  await expect(row.getByTestId("participant-count")).toHaveText("2", { timeout: 5_000 });

  // The app goes away. The meeting does not notice.
  await restartable.stopApp();
  await expectRemoteVideoPlaying(host);
  await expect(admin.locator("p[role=alert]")).toContainText("can't be reached");
  // Someone leaves while nobody is there to hear LiveKit's webhook.
  await leaver.getByRole("button", { name: "Leave" }).click();
  await expect.poll(() => participantsOnLiveKit(slug), { timeout: 15_000 }).toBe(1);
  await expect(tiles(host)).toHaveCount(1);

  // Back up: the admin list, never reloaded, shows the truth again; new people can join.
  await restartable.startApp();
  await expect(row.getByTestId("participant-count")).toHaveText("1", { timeout: 15_000 });
  await expect(admin.locator("p[role=alert]")).toHaveCount(0);
  const latecomer = await openPage({ baseURL });
  await memberOpens(latecomer, newPerson("Lia"), slug);
  await joinFromPreJoin(latecomer);
  await expect(tiles(host)).toHaveCount(2);
  await expectRemoteVideoPlaying(latecomer);
  await expect(row.getByTestId("participant-count")).toHaveText("2", { timeout: 5_000 });
});

test("the media server crashes during a meeting and comes back: both reconnect and see each other again", async ({
  openPage,
}) => {
  test.setTimeout(120_000);
  const host = await openPage({ baseURL });
  const slug = await hostStartsMeeting(host, "Kai");
  await joinFromPreJoin(host);
  const other = await openPage({ baseURL });
  await memberOpens(other, newPerson("Noor"), slug);
  await joinFromPreJoin(other);
  await expectRemoteVideoPlaying(host);
  await expectRemoteVideoPlaying(other);

  await restartable.stopLiveKit("SIGKILL");
  for (const page of [host, other])
    await expect(page.getByText(/Reconnecting/).first()).toBeVisible({ timeout: 10_000 });
  const back = Date.now();
  await restartable.startLiveKit();

  for (const page of [host, other]) {
    await expect(tiles(page)).toHaveCount(2, { timeout: 20_000 });
    await expectRemoteVideoPlaying(page);
  }
  expect(Date.now() - back).toBeLessThan(20_000);
});

test("the media server is down when someone clicks join: they are told, and Try again works once it is back", async ({
  openPage,
}) => {
  const host = await openPage({ baseURL });
  const slug = await hostStartsMeeting(host, "Ines");
  await restartable.stopLiveKit();

  const prejoin = host.getByTestId("prejoin");
  await expect(prejoin.getByTestId("prejoin-video")).toBeVisible();
  await prejoin.getByRole("button", { name: "Join meeting" }).click();
  await expect(host.getByRole("heading", { name: "Meeting service unavailable" })).toBeVisible();
  await expect(host.getByText("The meeting service can't be reached right now.")).toBeVisible();

  await restartable.startLiveKit();
  await host.getByRole("button", { name: "Try again" }).click();
  await expect(tiles(host)).toHaveCount(1);
  await expect.poll(() => participantsOnLiveKit(slug)).toBe(1);
});
