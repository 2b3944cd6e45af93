// A person with a keyboard and no mouse: signs in, starts a meeting, joins, mutes and unmutes
// with the documented shortcut, reads the shortcuts help and leaves, seeing where focus is.
import { TrackSource } from "livekit-server-sdk";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { tiles } from "./support";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The focused control is drawn with a visible outline. */
async function expectFocusShown(target: Locator) {
  await expect(target).toBeFocused();
  const outline = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test("with the keyboard only, a person signs in, starts a meeting, joins, mutes, unmutes, raises a hand, chats and leaves", async ({
  page,
}) => {
  const person = newPerson("Kay");
  expect((await page.request.post("/api/accounts", { data: person })).status()).toBe(201);
  await page.context().clearCookies();

  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email"));
  await expectFocusShown(page.getByLabel("Email"));
  await page.keyboard.type(person.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(person.password);
  await page.keyboard.press("Enter");

  const start = page.getByRole("button", { name: "New meeting" });
  await expect(start).toBeVisible();
  await tabTo(page, start);
  await expectFocusShown(start);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/r\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  const join = page.getByTestId("prejoin").getByRole("button", { name: "Join meeting" });
  await expect(page.getByTestId("prejoin-video")).toBeVisible();
  await tabTo(page, join);
  await expectFocusShown(join);
  await page.keyboard.press("Enter");
  await expect(tiles(page)).toHaveCount(1);

  const microphoneMuted = async () => {
    const [me] = await stack.roomService().listParticipants(slug);
    return me?.tracks.find((track) => track.source === TrackSource.MICROPHONE)?.muted;
  };
  const microphone = page.getByRole("toolbar", { name: "Meeting controls" }).getByRole("button", {
    name: "Microphone",
    exact: true,
  });
  await expect.poll(microphoneMuted, { timeout: 15_000 }).toBe(false);
  await expect(microphone).toHaveAttribute("aria-pressed", "true");

  // M mutes, M again unmutes: the media server sees each.
  await page.keyboard.press("m");
  await expect.poll(microphoneMuted, { timeout: 10_000 }).toBe(true);
  await expect(microphone).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("m");
  await expect.poll(microphoneMuted, { timeout: 10_000 }).toBe(false);
  await expect(microphone).toHaveAttribute("aria-pressed", "true");

  // The same from the control itself: Tab to it, Space.
  await tabTo(page, microphone);
  await expectFocusShown(microphone);
  await page.keyboard.press("Space");
  await expect.poll(microphoneMuted, { timeout: 10_000 }).toBe(true);
  await page.keyboard.press("Space");
  await expect.poll(microphoneMuted, { timeout: 10_000 }).toBe(false);

  // "?" lists the shortcuts; Escape closes the list and focus returns where it was.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("row", { name: /M\s+Mute or unmute your microphone/ })).toBeVisible();
  await expect(help.getByRole("row", { name: /V\s+Turn your camera on or off/ })).toBeVisible();
  await expect(help.getByRole("row", { name: /H\s+Raise or lower your hand/ })).toBeVisible();
  await expect(help.getByRole("row", { name: /C\s+Open or close the chat/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(microphone).toBeFocused();

  // H raises the hand (the server sets it on the participant) and lowers it again.
  const handRaised = async () => !!(await stack.roomService().listParticipants(slug))[0]?.attributes["parley.hand"];
  // Twice in quick succession: raised, then lowered again (not asked to be raised twice).
  const handButton = page.getByRole("button", { name: "Raise hand", exact: true });
  await page.keyboard.press("h");
  await page.keyboard.press("h");
  await expect(page.getByTestId("hand-announcer")).toHaveText("You raised a hand (number 1 in the queue).");
  await expect.poll(handRaised, { timeout: 10_000 }).toBe(false);
  await expect(handButton).toHaveAttribute("aria-pressed", "false");
  await expect(handButton).toBeEnabled();

  await page.keyboard.press("h");
  await expect.poll(handRaised, { timeout: 10_000 }).toBe(true);
  await page.keyboard.press("h");
  await expect.poll(handRaised, { timeout: 10_000 }).toBe(false);

  // C opens the chat; its box takes what is typed (an "h" there is a letter, not a shortcut).
  await page.keyboard.press("c");
  const chat = page.getByTestId("chat-panel");
  await expect(chat).toBeVisible();
  const box = chat.getByRole("textbox");
  await tabTo(page, box);
  await expectFocusShown(box);
  await page.keyboard.type("hello from the keyboard");
  await page.keyboard.press("Enter");
  await expect(chat).toContainText("hello from the keyboard");
  expect(await handRaised()).toBe(false);
  const kept = await page.request.get(`/api/rooms/${slug}/chat`);
  expect(JSON.stringify(await kept.json())).toContain("hello from the keyboard");

  const leave = page.getByRole("button", { name: "Leave", exact: true });
  await tabTo(page, leave);
  await expectFocusShown(leave);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
});
