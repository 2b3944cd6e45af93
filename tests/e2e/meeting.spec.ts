import { expect, test } from "./fixtures";
import { expectRemoteAudioPlaying, expectRemoteVideoPlaying, joinFromPreJoin, signUpHere, tiles } from "./support";
import { newPerson } from "../support/factories";

test("two people sign up, meet through an invite link, see and hear each other, and one leaves", async ({
  openPage,
}) => {
  const pageA = await openPage();
  const pageB = await openPage({ permissions: ["camera", "microphone"] });

  // A signs up and starts a meeting.
  await pageA.goto("/signup");
  await signUpHere(pageA, newPerson("Alice"));
  await expect(pageA.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await pageA.getByLabel("Meeting name").fill("Design review");
  await pageA.getByRole("button", { name: "New meeting" }).click();
  await expect(pageA).toHaveURL(/\/r\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  await joinFromPreJoin(pageA);
  await expect(tiles(pageA)).toHaveCount(1);

  // A copies the invite link; it is the room's URL.
  await pageA.getByRole("button", { name: "Copy invite link" }).click();
  await expect(pageA.getByRole("button", { name: "Link copied" })).toBeVisible();
  const inviteUrl = await pageA.evaluate(() => navigator.clipboard.readText());
  expect(inviteUrl).toBe(pageA.url());

  // B opens it without an account, is sent to sign in, signs up instead and lands in the meeting.
  await pageB.goto(inviteUrl);
  await expect(pageB).toHaveURL(/\/signin\?callbackUrl=/);
  await pageB.getByRole("link", { name: "New here? Create an account" }).click();
  await signUpHere(pageB, newPerson("Bob"));
  await expect(pageB).toHaveURL(inviteUrl);
  await joinFromPreJoin(pageB);

  // Each sees two participants, and the other's video and sound are really playing.
  await expect(tiles(pageA)).toHaveCount(2);
  await expect(tiles(pageB)).toHaveCount(2);
  await expectRemoteVideoPlaying(pageA);
  await expectRemoteVideoPlaying(pageB);
  await expectRemoteAudioPlaying(pageA);
  await expectRemoteAudioPlaying(pageB);
  await pageA.screenshot({ path: "docs/screenshots/meeting.png" });

  // B leaves: B is back home, A is alone again.
  await pageB.getByRole("button", { name: "Leave" }).click();
  await expect(pageB).toHaveURL(/\/$/);
  await expect(pageB.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await expect(tiles(pageA)).toHaveCount(1);
});

test("the sign-up and sign-in forms explain what is wrong", async ({ page }) => {
  await page.goto("/signup");
  const person = newPerson("Carol");
  await signUpHere(page, { ...person, password: "short" });
  await expect(page.locator("form").getByRole("alert")).toHaveText("Use at least 10 characters for your password.");
  await signUpHere(page, { ...person, email: "carol@" });
  await expect(page.locator("form").getByRole("alert")).toHaveText("That doesn't look like an email address.");
  await signUpHere(page, person);
  await expect(page.getByRole("heading", { name: "New meeting" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");

  await page.goto("/signup");
  await signUpHere(page, person);
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "An account with this email already exists. Sign in instead.",
  );
});

test("a meeting link that leads nowhere says so", async ({ page }) => {
  await page.goto("/signup");
  await signUpHere(page, newPerson("Dan"));
  await expect(page.getByRole("heading", { name: "New meeting" })).toBeVisible();
  const response = await page.goto("/r/zzz-zzzz-zzz");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});
