// The app is stopped in the middle of a meeting and started again. Media never goes through the
// app, so the meeting carries on; the webhooks LiveKit sent meanwhile are lost, and the admin
// list must still come right (reconciliation with LiveKit).
import type { Page } from "@playwright/test";
import { RoomServiceClient } from "livekit-server-sdk";
import type { Managed } from "../../scripts/lib/processes";
import { startNext, type AppEnv } from "../../scripts/lib/stack";
import { expect, test } from "./fixtures";
import { expectRemoteVideoPlaying, joinFromPreJoin, newPerson, signInAsAdmin, signUpHere, tiles } from "./support";

const restartable = JSON.parse(process.env.PARLEY_TEST_RESTARTABLE_APP!) as { port: number; env: AppEnv; logFile: string };
const baseURL = restartable.env.NEXTAUTH_URL;
const startApp = () => startNext("start", restartable.port, restartable.env, restartable.logFile);
const roomService = () =>
  new RoomServiceClient(process.env.PARLEY_TEST_LIVEKIT_URL!, process.env.PARLEY_TEST_LIVEKIT_KEY!, process.env.PARLEY_TEST_LIVEKIT_SECRET!);

let app: Managed | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function memberJoins(page: Page, label: string, slug: string) {
  await page.goto("/signup");
  await signUpHere(page, newPerson(label));
  await expect(page.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await page.goto(`/r/${slug}`);
  await joinFromPreJoin(page);
}

test("the app restarts during a meeting: the meeting goes on, joins work again, and the admin list is right", async ({ openPage }) => {
  test.setTimeout(120_000);
  app = await startApp();
  const host = await openPage({ baseURL });
  await host.goto("/signup");
  await signUpHere(host, newPerson("Rita"));
  await host.getByRole("button", { name: "New meeting" }).click();
  await expect(host).toHaveURL(/\/r\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  const slug = new URL(host.url()).pathname.split("/")[2]!;
  await joinFromPreJoin(host);
  const leaver = await openPage({ baseURL });
  await memberJoins(leaver, "Leo", slug);
  await expect(tiles(host)).toHaveCount(2);

  const admin = await openPage({ baseURL });
  await signInAsAdmin(admin);
  await admin.goto("/admin");
  const row = admin.locator(`[data-testid="admin-room"][data-slug="${slug}"]`);
  await expect(row.getByTestId("participant-count")).toHaveText("2", { timeout: 5_000 });

  // The app goes away. The meeting does not notice.
  await app.stop();
  await expectRemoteVideoPlaying(host);
  await expect(admin.locator("p[role=alert]")).toContainText("can't be reached");
  // Someone leaves while nobody is there to hear LiveKit's webhook.
  await leaver.getByRole("button", { name: "Leave" }).click();
  await expect.poll(async () => (await roomService().listParticipants(slug)).length, { timeout: 15_000 }).toBe(1);
  await expect(tiles(host)).toHaveCount(1);

  // Back up: the admin list, never reloaded, shows the truth again; new people can join.
  app = await startApp();
  await expect(row.getByTestId("participant-count")).toHaveText("1", { timeout: 15_000 });
  await expect(admin.locator("p[role=alert]")).toHaveCount(0);
  const latecomer = await openPage({ baseURL });
  await memberJoins(latecomer, "Lia", slug);
  await expect(tiles(host)).toHaveCount(2);
  await expectRemoteVideoPlaying(latecomer);
  await expect(row.getByTestId("participant-count")).toHaveText("2", { timeout: 5_000 });
});
