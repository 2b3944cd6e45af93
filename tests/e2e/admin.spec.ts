import { TrackSource } from "livekit-server-sdk";
import { expect, test } from "./fixtures";
import {
  expectRemoteVideoPlaying,
  hostStartsMeeting,
  joinFromPreJoin,
  signInAsAdmin,
  signUpHere,
  tiles,
} from "./support";
import { newPerson, TEST_ADMIN } from "../support/factories";
import { stack } from "../support/stack";

test("the admin sees a meeting go live, mutes and removes someone, ends it for everyone, and its attendance is recorded", async ({
  openPage,
}) => {
  const meetingName = `All hands ${Date.now().toString(36)}`;
  const host = await openPage();
  const slug = await hostStartsMeeting(host, "Hana", meetingName);

  // The admin's console is open before anyone joins, and is never reloaded.
  const admin = await openPage();
  await signInAsAdmin(admin);
  await admin.getByRole("link", { name: "Admin" }).click();
  await admin.getByLabel("Search rooms").fill(meetingName);
  const row = admin.locator(`[data-testid="admin-room"][data-slug="${slug}"]`);
  await expect(row.getByTestId("room-status")).toHaveText("Idle");
  await expect(row.getByTestId("participant-count")).toHaveText("0");

  await joinFromPreJoin(host);
  const guest = await openPage();
  await guest.goto("/signup");
  const bruno = newPerson("Bruno");
  await signUpHere(guest, bruno);
  await expect(guest.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await guest.goto(`/r/${slug}`);
  await joinFromPreJoin(guest);
  await expect(tiles(host)).toHaveCount(2);
  await expect(tiles(guest)).toHaveCount(2);
  await expectRemoteVideoPlaying(guest);

  await expect(row.getByTestId("room-status")).toHaveText("Live", { timeout: 5_000 });
  await expect(row.getByTestId("participant-count")).toHaveText("2", { timeout: 5_000 });
  await row.getByTestId("participant-count").click();
  const people = admin.getByTestId("participants");
  await expect(people).toContainText("Hana");
  await expect(people).toContainText(bruno.name);
  await admin.screenshot({ path: "docs/screenshots/admin.png", fullPage: true });

  // Bruno's microphone is muted from the console, as LiveKit itself reports; then he is removed.
  const brunoOnServer = async () =>
    (await stack.roomService().listParticipants(slug)).find((p) => p.name === bruno.name);
  const brunoItem = people.locator("li", { hasText: bruno.name });
  admin.once("dialog", (dialog) => void dialog.accept());
  await brunoItem.getByRole("button", { name: "Mute microphone" }).click();
  await expect
    .poll(async () => (await brunoOnServer())?.tracks.find((track) => track.source === TrackSource.MICROPHONE)?.muted)
    .toBe(true);
  admin.once("dialog", (dialog) => void dialog.accept());
  await brunoItem.getByRole("button", { name: "Remove" }).click();
  await expect(guest.getByText("Test Admin removed you from the meeting.")).toBeVisible();
  await expect(tiles(host)).toHaveCount(1);
  await expect(row.getByTestId("participant-count")).toHaveText("1", { timeout: 5_000 });

  // End it for everyone.
  admin.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "End meeting" }).click();
  await expect(host.getByText("This meeting was ended by an administrator.")).toBeVisible();
  await expect(tiles(host)).toHaveCount(0);
  await expect(row.getByTestId("room-status")).toHaveText("Ended");
  expect((await stack.roomService().listRooms()).map((room) => room.name)).not.toContain(slug);
  // The room refuses new joins until reopened.
  const retry = await host.request.post(`/api/rooms/${slug}/token`);
  expect(retry.status()).toBe(410);

  // The host finds both people in the meeting's attendance, with believable durations.
  await host.goto(`/r/${slug}/history`);
  const record = host.getByTestId("meeting-record");
  await expect(record).toHaveCount(1);
  const stays = record.getByTestId("attendance").locator("tbody tr");
  await expect(stays).toHaveCount(2);
  await expect(stays.filter({ hasText: "Hana" })).toHaveCount(1);
  await expect(stays.filter({ hasText: bruno.name })).toHaveCount(1);
  for (const seconds of await stays
    .getByTestId("minutes")
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute("data-seconds"))))) {
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThan(120);
  }
  await expect(stays.filter({ hasText: "still there" })).toHaveCount(0);

  // And the audit log names who did it.
  await admin.goto("/admin/audit");
  const log = admin.getByTestId("audit-log");
  await expect(log.locator("tbody tr", { hasText: "room.end_meeting" }).filter({ hasText: meetingName })).toContainText(
    TEST_ADMIN.email,
  );
  await expect(log.locator("tbody tr", { hasText: "participant.remove" }).filter({ hasText: bruno.name })).toHaveCount(
    1,
  );
  await expect(
    log.locator("tbody tr", { hasText: "participant.mute_microphone" }).filter({ hasText: bruno.name }),
  ).toHaveCount(1);
});

test("admin pages are hidden from everyone else", async ({ openPage }) => {
  const member = await openPage();
  await member.goto("/signup");
  await signUpHere(member, newPerson("Mo"));
  await expect(member.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await expect(member.getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/users", "/admin/audit"]) {
    const response = await member.goto(path);
    expect(response?.status()).toBe(404);
  }
  expect((await member.request.get("/api/admin/rooms")).status()).toBe(403);
});
