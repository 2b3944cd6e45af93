import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson } from "../support/factories";
import { hostStartsMeeting, joinFromPreJoin, memberOpens, tiles } from "./support";

// Raised hands, reactions and the chat, as the people in a meeting see them. Up to four people
// each publish video in these tests: they get the slow test's time.
test.slow();

const panelOf = (page: Page) => page.getByTestId("participants-panel");
const rows = (page: Page) => panelOf(page).getByTestId("participant");
const tileOf = (page: Page, name: string) => tiles(page).filter({ hasText: name });
const chatOf = (page: Page) => page.getByTestId("chat-panel");

async function openPanel(page: Page) {
  await page.getByRole("button", { name: /^Participants \(\d+\)/ }).click();
  await expect(panelOf(page)).toBeVisible();
}

async function joins(page: Page, label: string, slug: string): Promise<string> {
  const person = newPerson(label);
  await memberOpens(page, person, slug);
  await joinFromPreJoin(page);
  return person.name;
}

test("raised hands queue in the order raised, show on the tile, are lowered by a host, and a latecomer sees the queue; reactions float over the sender's tile", async ({
  openPage,
}) => {
  const host = await openPage();
  await host.setViewportSize({ width: 1280, height: 800 });
  const slug = await hostStartsMeeting(host, "Ada");
  await joinFromPreJoin(host);
  const bea = await openPage();
  const beaName = await joins(bea, "Bea", slug);
  const cyd = await openPage();
  const cydName = await joins(cyd, "Cyd", slug);
  await expect(tiles(host)).toHaveCount(3);
  await openPanel(host);

  // B raises a hand with the button: A sees it on B's tile and first in the queue.
  await bea.getByRole("button", { name: "Raise hand" }).click();
  await expect(bea.getByRole("button", { name: "Lower hand" })).toHaveAttribute("aria-pressed", "true");
  await expect(tileOf(host, beaName).getByTestId("tile-hand")).toBeVisible();
  await expect(rows(host).first()).toContainText(beaName);
  await expect(rows(host).first().getByTestId("hand")).toHaveAttribute("data-place", "1");
  await expect(host.getByTestId("hand-announcer")).toContainText(`${beaName} raised a hand`);

  // C raises after B, from the keyboard: second.
  await cyd.locator("body").press("h");
  await expect(tileOf(host, cydName).getByTestId("tile-hand")).toBeVisible();
  await expect(rows(host).nth(1)).toContainText(cydName);
  await expect(rows(host).nth(1).getByTestId("hand")).toHaveAttribute("data-place", "2");
  await host.screenshot({ path: "docs/screenshots/raised-hands.png" });

  // A participant cannot lower someone else's hand: the server refuses.
  const refused = await cyd.request.delete(`/api/rooms/${slug}/participants/${await identityOf(host, beaName)}/hand`);
  expect(refused.status()).toBe(403);

  // A lowers B's hand; B is told; C moves up.
  await rows(host)
    .first()
    .getByRole("button", { name: `Lower ${beaName}'s hand` })
    .click();
  await expect(tileOf(host, beaName).getByTestId("tile-hand")).toHaveCount(0);
  await expect(bea.getByTestId("moderation-notice")).toContainText("lowered your hand");
  await expect(bea.getByRole("button", { name: "Raise hand" })).toHaveAttribute("aria-pressed", "false");
  await expect(rows(host).first()).toContainText(cydName);
  await expect(rows(host).first().getByTestId("hand")).toHaveAttribute("data-place", "1");

  // A latecomer D sees C's raised hand, on the tile and in the queue.
  const dan = await openPage();
  await joins(dan, "Dan", slug);
  await expect(tileOf(dan, cydName).getByTestId("tile-hand")).toBeVisible();
  await expect(tileOf(dan, beaName).getByTestId("tile-hand")).toHaveCount(0);
  await openPanel(dan);
  await expect(rows(dan).first()).toContainText(cydName);
  await expect(rows(dan).first().getByTestId("hand")).toContainText(/waiting/);

  // C lowers their own hand.
  await cyd.getByRole("button", { name: "Lower hand" }).click();
  await expect(tileOf(dan, cydName).getByTestId("tile-hand")).toHaveCount(0);

  // B's reaction floats over B's tile in the others' pages.
  await bea.getByRole("button", { name: "React with applause" }).click();
  await expect(tileOf(host, beaName).getByTestId("tile-reaction")).toHaveText("👏");
  await expect(tileOf(dan, beaName).getByTestId("tile-reaction")).toHaveText("👏");
  await expect(tileOf(host, cydName).getByTestId("tile-reaction")).toHaveCount(0);

  // Reactions are rate limited by the server: a flood is refused, and a press of the button during
  // it (sent right after the flood, so no time passes for the limit's window under load) says why.
  const statuses = await bea.evaluate(async (room) => {
    const flood = Array.from({ length: 12 }, () =>
      fetch(`/api/rooms/${room}/reactions`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ emoji: "🎉" }),
      }).then(async (response) => ({ status: response.status, body: await response.json() })),
    );
    document.querySelector<HTMLButtonElement>('[aria-label="React with heart"]')!.click();
    return Promise.all(flood);
  }, slug);
  const tooMany = statuses.filter((answer) => answer.status === 429);
  expect(tooMany.length).toBeGreaterThan(0);
  expect(tooMany[0]!.body.error.code).toBe("rate_limited");
  expect(tooMany[0]!.body.error.message).toMatch(/^You are sending reactions too quickly\. Try again in/);
  await expect(bea.getByTestId("toolbar-error")).toContainText("You are sending reactions too quickly.");
});

async function identityOf(page: Page, name: string): Promise<string> {
  const identity = await rows(page).filter({ hasText: name }).getAttribute("data-identity");
  expect(identity).toBeTruthy();
  return identity!;
}

test("chat is kept: a latecomer reads what was said, links are safe, HTML is text, limits are explained, and the owner finds it in the history and its export", async ({
  openPage,
}) => {
  const host = await openPage();
  await host.setViewportSize({ width: 1280, height: 800 });
  const slug = await hostStartsMeeting(host, "Ada");
  await joinFromPreJoin(host);

  // A writes before D joins: a message with HTML, a javascript: link and a real link.
  await host.getByTestId("chat-toggle").click();
  const draft = chatOf(host).getByRole("textbox", { name: "Message to everyone" });
  const tricky = `<img src=x onerror="alert(1)"><b>bold</b> javascript:alert(1) [x](javascript:alert(2)) see https://example.org/agenda?x=1.`;
  await draft.fill(tricky);
  await draft.press("Enter");
  await expect(chatOf(host).getByTestId("chat-line")).toHaveCount(1);
  await draft.fill("Welcome, everyone");
  await chatOf(host).getByRole("button", { name: "Send" }).click();
  await expect(chatOf(host).getByTestId("chat-line")).toHaveCount(2);

  const dan = await openPage();
  await joins(dan, "Dan", slug);
  // The earlier messages are waiting, counted on the chat button.
  await expect(dan.getByTestId("chat-unread")).toHaveText("2");
  await dan.getByTestId("chat-toggle").click();
  await expect(dan.getByTestId("chat-unread")).toHaveCount(0);
  const lines = chatOf(dan).getByTestId("chat-line");
  await expect(lines).toHaveCount(2);
  const first = lines.first();
  await expect(first).toContainText(`<img src=x onerror="alert(1)"><b>bold</b> javascript:alert(1)`);
  await expect(first.locator("img, b")).toHaveCount(0);
  const links = first.getByRole("link");
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute("href", "https://example.org/agenda?x=1");
  await expect(links).toHaveAttribute("rel", "noopener noreferrer");
  await expect(lines.nth(1)).toContainText("Welcome, everyone");

  // A new message reaches the other page live, and is announced.
  const danDraft = chatOf(dan).getByRole("textbox", { name: "Message to everyone" });
  await danDraft.fill("Hello from Dan");
  await danDraft.press("Enter");
  await expect(chatOf(host).getByTestId("chat-line").last()).toContainText("Hello from Dan");
  await expect(host.getByTestId("chat-announcer")).toContainText("Hello from Dan");

  // Too long: refused, and the page says why.
  await danDraft.fill("x".repeat(10_000));
  await chatOf(dan).getByRole("button", { name: "Send" }).click();
  await expect(chatOf(dan).getByTestId("chat-error")).toContainText(
    "Message too long. A chat message can be at most 2,000 characters; this one has 10,000.",
  );
  await expect(chatOf(host).getByTestId("chat-line")).toHaveCount(3);

  // A flood: the server refuses past its limit, and the page says so.
  const statuses = await dan.evaluate(async (room) => {
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`/api/rooms/${room}/chat`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text: `flood ${i}` }),
        }).then((response) => response.status),
      ),
    );
    return sent;
  }, slug);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  await danDraft.fill("one more");
  await chatOf(dan).getByRole("button", { name: "Send" }).click();
  await expect(chatOf(dan).getByTestId("chat-error")).toContainText("You are sending chat messages too quickly.");
  await host.screenshot({ path: "docs/screenshots/meeting-chat.png" });

  // The host turns chat off: Dan can no longer write, and the server refuses.
  await chatOf(host).getByRole("button", { name: "Turn chat off" }).click();
  await expect(chatOf(dan).getByTestId("chat-off")).toContainText("turned chat off for this meeting");
  const off = await dan.request.post(`/api/rooms/${slug}/chat`, { data: { text: "still here?" } });
  expect(off.status()).toBe(403);
  expect(((await off.json()) as { error: { code: string } }).error.code).toBe("chat_off");

  // After the meeting, the owner finds the chat beside the attendance, and exports it.
  await openPanel(host);
  host.once("dialog", (dialog) => void dialog.accept());
  await panelOf(host).getByRole("button", { name: "End meeting for everyone" }).click();
  await expect(tiles(dan)).toHaveCount(0);
  await host.goto(`/r/${slug}/history`);
  const record = host.getByTestId("meeting-record").first();
  await expect(record.getByTestId("attendance")).toBeVisible();
  const kept = record.getByTestId("meeting-chat").getByTestId("chat-line");
  await expect(kept.filter({ hasText: "Welcome, everyone" })).toHaveCount(1);
  await expect(kept.filter({ hasText: "<b>bold</b>" }).locator("b, img")).toHaveCount(0);
  const exportLink = record.getByRole("link", { name: "Download chat (text)" });
  const exported = await host.request.get((await exportLink.getAttribute("href"))!);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="chat-.*\.txt"$/);
  const text = await exported.text();
  expect(text).toContain("Welcome, everyone");
  expect(text).toContain("Hello from Dan");
  expect(text).toContain("<b>bold</b>");
  expect(text).not.toContain("x".repeat(100));
});
