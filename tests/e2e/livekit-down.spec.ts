import { expect, test } from "./fixtures";
import { hostStartsMeeting, joinFromPreJoin } from "./support";
import { stack } from "../support/stack";

// Served by a second instance of the same build whose LiveKit address has no server behind it.
test.use({ baseURL: stack.appWithoutLiveKitUrl });

test("when the meeting service is down, the meeting page says so and offers a retry", async ({ page }) => {
  await hostStartsMeeting(page, "Erin");
  await joinFromPreJoin(page);

  const problem = page.getByTestId("meeting").getByRole("alert");
  await expect(problem.getByRole("heading", { name: "Meeting service unavailable" })).toBeVisible();
  await expect(problem).toContainText("The meeting service can't be reached right now.");

  // Retrying asks the server again (and, with the service still down, explains again).
  const tokenRequest = page.waitForResponse((response) => response.url().endsWith("/token"));
  await problem.getByRole("button", { name: "Try again" }).click();
  expect((await tokenRequest).status()).toBe(503);
  await expect(problem.getByRole("heading", { name: "Meeting service unavailable" })).toBeVisible();
  await expect(page.locator(".lk-participant-tile")).toHaveCount(0);
});
