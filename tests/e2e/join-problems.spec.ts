// Someone clicks Join and LiveKit's connection fails in their browser: the admin's "Join
// problems" shows who, where and LiveKit's reason; once they try again and get in, it says so.
import { expect, test } from "./fixtures";
import { newPerson } from "../support/factories";
import { expectRemoteVideoPlaying, hostStartsMeeting, joinFromPreJoin, memberOpens, signInAsAdmin } from "./support";

test("a join whose LiveKit connection fails shows up for the admin with its reason, and then as retried and made it", async ({
  openPage,
}) => {
  test.setTimeout(150_000);
  const host = await openPage();
  const slug = await hostStartsMeeting(host, "Paula");
  await joinFromPreJoin(host);

  const person = newPerson("Quentin");
  const unlucky = await openPage();
  // Their browser's connection to LiveKit's signalling is cut as soon as it opens, as a
  // firewall that drops WebSocket upgrades would; later it is let through.
  let blocked = true;
  await unlucky.routeWebSocket(/\/rtc/, (socket) => (blocked ? socket.close() : socket.connectToServer()));
  await memberOpens(unlucky, person, slug);
  const reported = unlucky.waitForRequest(
    (request) => request.url().endsWith("/api/join-failures") && request.method() === "POST",
  );
  await joinFromPreJoin(unlucky);
  await expect(unlucky.getByRole("heading", { name: "Couldn't connect to the meeting" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(unlucky.getByRole("link", { name: "Test your connection" })).toHaveAttribute("href", "/check");
  const { reason } = (await reported).postDataJSON() as { reason: string };
  expect(reason).toMatch(/^[A-Za-z]+$/);

  const admin = await openPage();
  await signInAsAdmin(admin);
  await admin.goto("/admin/join-problems");
  const byReason = admin.getByTestId("join-problems-by-reason").getByRole("row", { name: new RegExp(`^${reason}\\b`) });
  await expect(byReason).toBeVisible();
  const row = admin.getByTestId("join-problems-by-person").getByRole("row").filter({ hasText: person.name });
  await expect(row).toContainText(reason);
  await expect(row).toContainText("room link");
  await expect(row).toContainText("Never got in");

  blocked = false;
  await unlucky.getByRole("button", { name: "Try again" }).click();
  await expectRemoteVideoPlaying(unlucky);
  await expectRemoteVideoPlaying(host);
  await expect(async () => {
    await admin.reload();
    await expect(row).toContainText("Retried and made it", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
