// What a person does in the browser, shared by the end-to-end tests: sign up, start or open a
// meeting, join it, and check that the others' video and sound really play.
import { expect, type Locator, type Page } from "@playwright/test";
import { newPerson, TEST_ADMIN, type Person } from "../support/factories";

/** Fills the sign-up form on the current page (the page must show it). */
export async function signUpHere(page: Page, person: Person) {
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs a new person up on this page and starts a meeting (named, if given); returns the room's code. */
export async function hostStartsMeeting(page: Page, label: string, meetingName?: string): Promise<string> {
  await page.goto("/signup");
  await signUpHere(page, newPerson(label));
  if (meetingName !== undefined) await page.getByLabel("Meeting name").fill(meetingName);
  await page.getByRole("button", { name: "New meeting" }).click();
  await expect(page).toHaveURL(/\/r\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** Signs `person` up on this page and opens the room `slug` (its pre-join screen). */
export async function memberOpens(page: Page, person: Person, slug: string) {
  await page.goto("/signup");
  await signUpHere(page, person);
  await expect(page.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await page.goto(`/r/${slug}`);
}

/** Passes the pre-join screen once the camera preview is up (for publishers). */
export async function joinFromPreJoin(page: Page, options: { name?: string; expectPreview?: boolean } = {}) {
  const prejoin = page.getByTestId("prejoin");
  await expect(prejoin).toBeVisible();
  if (options.name !== undefined) await prejoin.getByLabel("Your name").fill(options.name);
  if (options.expectPreview !== false) await expect(prejoin.getByTestId("prejoin-video")).toBeVisible();
  await prejoin.getByRole("button", { name: "Join meeting" }).click();
  await expect(prejoin).toBeHidden();
}

export const tiles = (page: Page) => page.locator(".lk-participant-tile");
const remoteVideo = (page: Page) =>
  page.locator('.lk-participant-tile[data-lk-local-participant="false"] video').first();

/** What a person checks: the other participant's picture is there and moving. */
export async function expectRemoteVideoPlaying(page: Page) {
  await expectVideoPlaying(remoteVideo(page));
}

/** This <video> shows a picture, and new frames of it are being decoded. */
export async function expectVideoPlaying(video: Locator) {
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth), { timeout: 20_000 })
    .toBeGreaterThan(0);
  // New frames are being decoded (a live stream's currentTime runs on even when its picture freezes).
  const decoded = () =>
    video.evaluate((element: HTMLVideoElement) => element.getVideoPlaybackQuality().totalVideoFrames);
  const start = await decoded();
  await expect.poll(decoded, { timeout: 10_000 }).toBeGreaterThan(start + 10);
}

/** How many frames of the other participant's video this page has decoded so far. */
export const framesShown = (page: Page) =>
  remoteVideo(page).evaluate((element: HTMLVideoElement) => element.getVideoPlaybackQuality().totalVideoFrames);

/** Creates a link on the room's invites page, the way a host does, and returns its URL. */
export async function createLinkInUi(
  page: Page,
  slug: string,
  role: "participant" | "viewer" | "cohost",
  label?: string,
): Promise<string> {
  await page.goto(`/r/${slug}/invites`);
  await page.getByLabel("Role").selectOption(role);
  if (label) await page.getByLabel("Label (optional)").fill(label);
  await page.getByRole("button", { name: "Create link" }).click();
  const created = page.getByTestId("new-invite").locator("code");
  await expect(created).toContainText("/j/");
  return (await created.textContent())!;
}

/** On the room's invites page: who waits to be let in, saved the way a host does. */
export async function chooseWhoWaits(
  page: Page,
  slug: string,
  choice:
    "Everyone except hosts and co-hosts" | "Guests without an account" | "Nobody: everyone allowed in joins at once",
) {
  await page.goto(`/r/${slug}/invites`);
  await page.getByLabel(choice).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
}

/** The other participant's microphone reaches this page as a live audio track being played. */
export async function expectRemoteAudioPlaying(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("audio")].some((audio) => {
          const stream = audio.srcObject;
          return (
            stream instanceof MediaStream &&
            !audio.paused &&
            stream.getAudioTracks().some((track) => track.readyState === "live")
          );
        }),
      ),
    )
    .toBe(true);
}

/** Signs this page in as the test admin (the account is made on first use; its email is in ADMIN_EMAILS). */
export async function signInAsAdmin(page: Page) {
  const created = await page.request.post("/api/accounts", { data: TEST_ADMIN });
  expect([201, 409]).toContain(created.status());
  await page.goto("/signin");
  await page.getByLabel("Email").fill(TEST_ADMIN.email);
  await page.getByLabel("Password").fill(TEST_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Admin" })).toBeVisible();
}
