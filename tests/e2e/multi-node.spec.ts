// LiveKit on two nodes sharing Redis (./multi-node-stack.ts): two people reach the same meeting
// through different nodes and see each other; Parley's admin view stays right; losing the node
// that does not host the room changes nothing for the meeting, losing the one that does brings
// both back within 30 s.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { MultiNodeStack, type NodeName } from "./multi-node-stack";
import { newPerson } from "../support/factories";
import {
  expectRemoteVideoPlaying,
  hostStartsMeeting,
  joinFromPreJoin,
  memberOpens,
  signInAsAdmin,
  tiles,
} from "./support";

const cluster = new MultiNodeStack();

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await cluster.start();
});
test.afterAll(async () => cluster.stop());

/** Two people in one meeting, one signalling through each node; which node hosts the room. */
async function meetThroughBothNodes(openPage: (options?: { baseURL?: string }) => Promise<Page>) {
  // One person's browser signals through node A, the other's through node B (each app hands out
  // a balancer that prefers one node).
  const throughA = await openPage({ baseURL: cluster.appUrls.A });
  const slug = await hostStartsMeeting(throughA, "Ada");
  await joinFromPreJoin(throughA);
  const toBBeforeB = cluster.connectionsTo("B");
  const throughB = await openPage({ baseURL: cluster.appUrls.B });
  await memberOpens(throughB, newPerson("Bea"), slug);
  await joinFromPreJoin(throughB);
  await expectRemoteVideoPlaying(throughA);
  await expectRemoteVideoPlaying(throughB);
  // The second browser's signalling did go to node B (the apps' API calls all go through A's balancer).
  expect(cluster.connectionsTo("B")).toBeGreaterThan(toBBeforeB);
  const host = await cluster.hostOf(slug);
  expect(host).not.toBeNull();
  expect((await cluster.roomService().listParticipants(slug)).length).toBe(2);
  return { throughA, throughB, slug, host: host!, other: (host === "A" ? "B" : "A") as NodeName };
}

test("two people meet through different LiveKit nodes, the admin sees both, and losing the node that does not host the room changes nothing", async ({
  openPage,
}) => {
  test.setTimeout(300_000);
  const { throughA, throughB, slug, host, other } = await meetThroughBothNodes(openPage);

  // The admin list (webhooks from the hosting node, reconciliation across the cluster) shows both.
  const admin = await openPage({ baseURL: cluster.appUrls.A });
  await signInAsAdmin(admin);
  await admin.goto("/admin");
  const row = admin.locator(`[data-testid="admin-room"][data-slug="${slug}"]`);
  await expect(row.getByTestId("participant-count")).toHaveText("2", { timeout: 20_000 });

  // The node that does not host the room goes away: the meeting goes on, on both screens, and
  // the browser whose signalling went through it reconnects that through the hosting node.
  const toHostBeforeKill = cluster.connectionsTo(host);
  await cluster.killNode(other);
  await expect.poll(() => cluster.connectionsTo(host), { timeout: 20_000 }).toBeGreaterThan(toHostBeforeKill);
  for (const page of [throughA, throughB]) {
    await expect(tiles(page)).toHaveCount(2);
    await expectRemoteVideoPlaying(page);
  }
  await expect
    .poll(async () => (await cluster.roomService().listParticipants(slug)).length, { timeout: 20_000 })
    .toBe(2);
  await expect(row.getByTestId("participant-count")).toHaveText("2", { timeout: 20_000 });
  await cluster.startNode(other);
});

test("the node hosting the room dies: both people are back in the meeting on the other node within 30 s", async ({
  openPage,
}) => {
  test.setTimeout(300_000);
  const { throughA, throughB, slug, host, other } = await meetThroughBothNodes(openPage);
  await cluster.killNode(host);
  const backOnOtherNode = async () =>
    (await cluster.hostOf(slug)) === other &&
    (
      await cluster
        .roomService()
        .listParticipants(slug)
        .catch(() => [])
    ).length === 2;
  await expect.poll(backOnOtherNode, { timeout: 30_000, intervals: [500] }).toBe(true);
  // Both pages may go through more than one reconnection on the way (LiveKit's own, then a fresh
  // token from Parley), each with a new video element: what counts is that they settle, in the meeting.
  for (const page of [throughA, throughB]) {
    await expect(async () => {
      await expect(tiles(page)).toHaveCount(2, { timeout: 1_000 });
      await expectRemoteVideoPlaying(page);
    }).toPass({ timeout: 30_000 });
  }
  await cluster.startNode(host);
});
