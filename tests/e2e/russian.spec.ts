// Parley in Russian, end to end: a person switches the language on the first page they open, then
// signs up, starts a meeting, invites a guest who joins through the link, and an administrator
// finds the meeting in the admin list. On every page, no English text of Parley's catalogue (nor
// LiveKit's own English words) is left among what a person sees.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson, TEST_ADMIN } from "../support/factories";
import { expectRemoteVideoPlaying } from "./support";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

function catalogue(locale: string): Map<string, string> {
  const dir = path.join("messages", locale);
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => flatten(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree, `${file}:`)),
  );
}

// LiveKit's components write these in English unless given our words.
const LIVEKIT_ENGLISH = [
  "Share screen",
  "Stop screen share",
  "Leave",
  "Microphone",
  "Camera",
  "Start Audio",
  "Allow Audio",
];

/**
 * The English phrases a Russian page must not show: each English message that differs from its
 * Russian one, and, for messages with arguments, the runs of words between the arguments.
 */
const englishPhrases = (() => {
  const russian = catalogue("ru");
  const phrases = new Set<string>(LIVEKIT_ENGLISH);
  for (const [key, english] of catalogue("en")) {
    if (russian.get(key) === english) continue;
    if (/\{\s*\w+\s*,\s*(plural|select)/.test(english)) continue;
    for (const piece of english.split(/\{[^}]*\}|<[^>]*>/)) {
      const phrase = piece.trim();
      if (/[A-Za-z]{3}/.test(phrase) && (phrase.includes(" ") || phrase.length >= 5)) phrases.add(phrase);
    }
  }
  return [...phrases];
})();

/**
 * What a person sees on this page, checked for English left behind. `data`: what people typed
 * (a name such as "Test Admin"), which is theirs, not Parley's words.
 */
async function expectAllRussian(page: Page, where: string, data: string[] = []) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  const visible = data.reduce((text, typed) => text.split(typed).join(" "), await page.locator("body").innerText());
  const left = englishPhrases.filter((phrase) =>
    new RegExp(`(^|[^A-Za-z])${escape(phrase)}($|[^A-Za-z])`).test(visible),
  );
  expect(left, `English on ${where}`).toEqual([]);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Picks Russian with the switch in the top bar. */
async function switchToRussian(page: Page) {
  await page.locator(".language-switch select").selectOption("ru");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
}

test("a whole journey in Russian: sign up, start a meeting, invite a guest who joins, the admin list", async ({
  openPage,
}) => {
  test.setTimeout(240_000);
  const host = await openPage();
  await host.goto("/signup");
  await switchToRussian(host);
  await expectAllRussian(host, "the sign-up page");

  const person = { ...newPerson("Анна"), name: "Анна Петрова" };
  await host.locator('input[name="name"]').fill(person.name);
  await host.locator('input[name="email"]').fill(person.email);
  await host.locator('input[name="password"]').fill(person.password);
  await host.locator('form button[type="submit"]').click();
  await expect(host.getByTestId("signed-in-as")).toHaveText(person.name);
  await expectAllRussian(host, "the home page");

  await host.locator('input[name="name"]').fill("Планёрка");
  await host.locator('form button[type="submit"]').click();
  await expect(host).toHaveURL(/\/r\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
  const slug = new URL(host.url()).pathname.split("/")[2]!;
  const prejoin = host.getByTestId("prejoin");
  await expect(prejoin.getByTestId("prejoin-video")).toBeVisible();
  await expectAllRussian(host, "the pre-join screen");
  await prejoin.locator('button[type="submit"]').click();
  await expect(prejoin).toBeHidden();
  await expect(host.locator(".lk-participant-tile").first()).toBeVisible();
  await expectAllRussian(host, "the meeting");

  // An invite link for a guest, made on the room's invites page.
  const manage = await openPage();
  await manage.context().addCookies(await host.context().cookies());
  await manage.goto(`/r/${slug}/invites`);
  await expectAllRussian(manage, "the invites page");
  await manage.locator('form:has(select[name="role"]) button[type="submit"]').click();
  const newLink = manage.getByTestId("new-invite").locator("code");
  await expect(newLink).toContainText("/j/");
  const link = (await newLink.textContent())!;
  expect(link).toContain("/j/");
  await expectAllRussian(manage, "the invites page with a link");

  // The guest's browser says Russian (Accept-Language), without touching the switch.
  const guest = await openPage({ locale: "ru-RU" });
  await guest.goto(link.slice(link.indexOf("/j/")));
  await expectAllRussian(guest, "the invite link's page");
  const door = guest.getByTestId("prejoin");
  await door.locator('input[name="name"], input[autocomplete="name"]').first().fill("Борис");
  await expect(door.getByTestId("prejoin-video")).toBeVisible();
  await door.locator('button[type="submit"]').click();
  // Guests wait at the door by default; the host lets Борис in from the knock list.
  await expectAllRussian(guest, "the waiting room");
  const knock = host.getByTestId("knock").filter({ hasText: "Борис" });
  await expect(knock).toBeVisible({ timeout: 30_000 });
  await expectAllRussian(host, "the meeting with someone knocking");
  await knock.getByRole("button").first().click();
  await expectRemoteVideoPlaying(guest);
  await expectRemoteVideoPlaying(host);
  await expectAllRussian(guest, "the guest's meeting");

  // The administrator's list shows the meeting with its two people.
  const admin = await openPage({ locale: "ru-RU" });
  const created = await admin.request.post("/api/accounts", { data: TEST_ADMIN });
  expect([201, 409]).toContain(created.status());
  await admin.goto("/signin");
  await admin.locator('input[name="email"]').fill(TEST_ADMIN.email);
  await admin.locator('input[name="password"]').fill(TEST_ADMIN.password);
  await admin.locator('form button[type="submit"]').click();
  await expect(admin.getByTestId("signed-in-as")).toBeVisible();
  await admin.goto("/admin");
  const row = admin.locator(`[data-testid="admin-room"][data-slug="${slug}"]`);
  await expect(row).toContainText("Планёрка");
  await expect(row.getByTestId("participant-count")).toHaveText("2");
  await expectAllRussian(admin, "the admin list", [TEST_ADMIN.name]);
});
