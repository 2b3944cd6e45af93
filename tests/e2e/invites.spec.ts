import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  chooseWhoWaits,
  createLinkInUi,
  expectRemoteVideoPlaying,
  hostStartsMeeting,
  joinFromPreJoin,
  tiles,
} from "./support";
import { stack } from "../support/stack";

/** A signed-up host sitting in a new meeting; returns the room's code. */
async function hostInMeeting(page: Page, meetingName: string): Promise<string> {
  const slug = await hostStartsMeeting(page, "Host", meetingName);
  await joinFromPreJoin(page);
  await expect(tiles(page)).toHaveCount(1);
  return slug;
}

test("a guest joins through a link, both see each other, and once revoked the link lets nobody else in", async ({
  openPage,
}) => {
  const host = await openPage();
  const slug = await hostInMeeting(host, "Client call");
  const manage = await host.context().newPage();
  // Links, not the waiting room (tests/e2e/waiting-room.spec.ts), are what this test is about.
  await chooseWhoWaits(manage, slug, "Nobody: everyone allowed in joins at once");
  const link = await createLinkInUi(manage, slug, "participant");

  // A stranger with no account opens the link, passes the pre-join and joins under a name.
  const guest = await openPage();
  await guest.goto(link);
  const prejoin = guest.getByTestId("prejoin");
  await expect(prejoin.getByRole("heading", { name: "Client call" })).toBeVisible();
  await joinFromPreJoin(guest, { name: "Gina" });
  await expect(tiles(guest)).toHaveCount(2);
  await expect(tiles(host)).toHaveCount(2);
  await expectRemoteVideoPlaying(host);
  await expectRemoteVideoPlaying(guest);
  await expect(tiles(host).filter({ hasText: "Gina (guest)" })).toHaveCount(1);

  // The host sees who used the link, then revokes it (the link only: Gina stays).
  await manage.reload();
  const row = manage.getByTestId("invite-table").locator("tr", { hasText: "Shared link" });
  await expect(row).toContainText("Gina (guest)");
  await row.getByRole("button", { name: "Revoke" }).click();
  await manage.getByRole("dialog").getByRole("button", { name: "Revoke the link only" }).click();
  await expect(row).toContainText("Revoked");
  await expect(tiles(host)).toHaveCount(2);

  const latecomer = await openPage();
  await latecomer.goto(link);
  await expect(latecomer.getByRole("heading", { name: "This invite link was revoked" })).toBeVisible();
  await expect(latecomer.getByText("Client call")).toHaveCount(0);
});

test("a viewer link joins without publishing anything", async ({ openPage }) => {
  const host = await openPage();
  const slug = await hostInMeeting(host, "Town hall");
  const manage = await host.context().newPage();
  await chooseWhoWaits(manage, slug, "Nobody: everyone allowed in joins at once");
  const link = await createLinkInUi(manage, slug, "viewer");

  const viewer = await openPage();
  await viewer.goto(link);
  await expect(viewer.getByText("You are joining as a viewer")).toBeVisible();
  await joinFromPreJoin(viewer, { name: "Vic", expectPreview: false });
  await expect(tiles(viewer)).toHaveCount(2);
  await expectRemoteVideoPlaying(viewer);
  await expect(viewer.getByRole("button", { name: "Share screen" })).toHaveCount(0);

  // The media server agrees: the viewer is there, may not publish, and has no tracks.
  await expect
    .poll(
      async () =>
        (await stack.roomService().listParticipants(slug)).find((p) => p.name === "Vic (guest)")?.permission
          ?.canPublish,
      { timeout: 10_000 },
    )
    .toBe(false);
  const participants = await stack.roomService().listParticipants(slug);
  expect(participants.find((p) => p.name === "Vic (guest)")?.tracks).toEqual([]);
  expect(participants.find((p) => p.name !== "Vic (guest)")?.tracks.length).toBeGreaterThan(0);
});
