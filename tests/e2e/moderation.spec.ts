import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { TrackSource } from "livekit-server-sdk";
import { expect, test } from "./fixtures";
import { newPerson } from "../support/factories";
import { hostStartsMeeting, joinFromPreJoin, memberOpens, signUpHere, tiles } from "./support";
import { stack } from "../support/stack";

// The bound: a connection with a token that no longer admits anyone is refused or cut within this.
const CUT_WITHIN_MS = 2000;
const LIVEKIT_CLIENT_BUNDLE = createRequire(import.meta.url).resolve("livekit-client");

const panelOf = (page: Page) => page.getByTestId("participants-panel");
const personIn = (page: Page, name: string) => panelOf(page).getByTestId("participant").filter({ hasText: name });

async function openPanel(page: Page) {
  await page.getByRole("button", { name: /^Participants \(\d+\)$/ }).click();
  await expect(panelOf(page)).toBeVisible();
}

/**
 * Connects to LiveKit with a token, as any client could, from a blank page of its own with
 * livekit-client (a full connection: LiveKit reports it to the app). Says whether LiveKit refused
 * it, or how long after the attempt started the connection was cut.
 */
async function connectDirectly(page: Page, token: string): Promise<{ refused: boolean; cutAfterMs: number | null }> {
  await page.goto("about:blank");
  await page.addScriptTag({ path: LIVEKIT_CLIENT_BUNDLE });
  return page.evaluate(
    async ({ url, token }) => {
      const { Room, RoomEvent } = (window as unknown as { LivekitClient: typeof import("livekit-client") })
        .LivekitClient;
      const room = new Room();
      const started = performance.now();
      const cut = new Promise<number>((resolve) =>
        room.once(RoomEvent.Disconnected, () => resolve(performance.now() - started)),
      );
      try {
        await room.connect(url, token);
      } catch {
        return { refused: true, cutAfterMs: null };
      }
      const after = await Promise.race([cut, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
      await room.disconnect();
      return { refused: false, cutAfterMs: after };
    },
    { url: stack.livekitUrl.replace(/^http/, "ws"), token },
  );
}

test("a co-host through a link mutes and removes someone, who is told by whom and kept out, token and all, until the owner lets them back in", async ({
  openPage,
}) => {
  const owner = await openPage();
  await owner.setViewportSize({ width: 1280, height: 800 });
  const slug = await hostStartsMeeting(owner, "Hana");
  await joinFromPreJoin(owner);
  const created = await owner.request.post(`/api/rooms/${slug}/invites`, { data: { role: "cohost" } });
  expect(created.status()).toBe(201);
  const { invite } = (await created.json()) as { invite: { path: string } };

  // The co-host takes part from a phone-sized screen.
  const cohost = await openPage();
  await cohost.setViewportSize({ width: 390, height: 844 });
  const cara = newPerson("Cara");
  await cohost.goto("/signup");
  await signUpHere(cohost, cara);
  await expect(cohost.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await cohost.goto(invite.path);
  await joinFromPreJoin(cohost);

  const guest = await openPage();
  const bruno = newPerson("Bruno");
  await memberOpens(guest, bruno, slug);
  const tokenAnswer = guest.waitForResponse((response) => response.url().endsWith(`/api/rooms/${slug}/token`));
  await joinFromPreJoin(guest);
  const held = ((await (await tokenAnswer).json()) as { token: string }).token;
  await expect(tiles(owner)).toHaveCount(3);

  // Everyone's role and state is in the co-host's panel.
  await openPanel(cohost);
  await expect(personIn(cohost, "Hana").getByTestId("badge")).toHaveText(["host"]);
  await expect(personIn(cohost, cara.name).getByTestId("badge")).toHaveText(["co-host"]);
  const brunoRow = personIn(cohost, bruno.name);
  await expect(brunoRow.getByTestId("badge")).toHaveCount(0);
  await expect(brunoRow.getByTestId("microphone-state")).toHaveAttribute("data-on", "true");
  await expect(brunoRow.getByTestId("camera-state")).toHaveAttribute("data-on", "true");
  await cohost.screenshot({ path: "docs/screenshots/participants-panel-phone.png" });

  // Muted, as LiveKit itself reports, and Bruno is told by whom.
  await brunoRow.getByRole("button", { name: `Mute ${bruno.name}` }).click();
  const brunoOnServer = async () =>
    (await stack.roomService().listParticipants(slug)).find((p) => p.name === bruno.name);
  await expect
    .poll(async () => (await brunoOnServer())?.tracks.find((track) => track.source === TrackSource.MICROPHONE)?.muted)
    .toBe(true);
  await expect(guest.getByTestId("moderation-notice")).toContainText(`${cara.name} muted your microphone.`);
  await expect(brunoRow.getByTestId("microphone-state")).toHaveAttribute("data-on", "false");

  // Removed: his page says who did it, and the token route refuses him.
  cohost.once("dialog", (dialog) => void dialog.accept());
  await brunoRow.getByRole("button", { name: `Remove ${bruno.name} from the meeting` }).click();
  await expect(guest.getByText(`${cara.name} removed you from the meeting.`)).toBeVisible();
  await expect(tiles(owner)).toHaveCount(2);
  const refused = await guest.request.post(`/api/rooms/${slug}/token`);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("removed");

  // The token he held (still within its lifetime) gets nobody in: refused, or cut at once.
  const { exp } = JSON.parse(Buffer.from(held.split(".")[1]!, "base64url").toString()) as { exp: number };
  expect(exp * 1000 - Date.now()).toBeGreaterThan(10_000);
  const direct = await connectDirectly(await openPage(), held);
  expect(
    direct.refused || (direct.cutAfterMs !== null && direct.cutAfterMs < CUT_WITHIN_MS),
    JSON.stringify(direct),
  ).toBe(true);

  // The owner lets him back in from the panel's removed list; "Try again" then gets him in.
  await openPanel(owner);
  const removed = panelOf(owner).getByTestId("removed-list");
  await expect(removed).toContainText(bruno.name);
  await expect(removed).toContainText(`by ${cara.name}`);
  await owner.screenshot({ path: "docs/screenshots/participants-panel.png" });
  await removed.getByRole("button", { name: `Let ${bruno.name} back in` }).click();
  await expect(removed).toHaveCount(0);
  await guest.getByRole("button", { name: "Try again" }).click();
  await expect(tiles(guest)).toHaveCount(3);
  await expect(tiles(owner)).toHaveCount(3);
  await expect(personIn(owner, bruno.name)).toBeVisible();
});

test("the host ends the meeting for everyone from the meeting page", async ({ openPage }) => {
  const owner = await openPage();
  const slug = await hostStartsMeeting(owner, "Hana");
  await joinFromPreJoin(owner);
  const guest = await openPage();
  await memberOpens(guest, newPerson("Pia"), slug);
  await joinFromPreJoin(guest);
  await expect(tiles(owner)).toHaveCount(2);

  // A participant's panel shows no controls.
  await openPanel(guest);
  await expect(panelOf(guest).getByRole("button", { name: "End meeting for everyone" })).toHaveCount(0);
  await expect(panelOf(guest).getByRole("button", { name: /^Remove / })).toHaveCount(0);

  await openPanel(owner);
  owner.once("dialog", (dialog) => void dialog.accept());
  await panelOf(owner).getByRole("button", { name: "End meeting for everyone" }).click();
  await expect(guest.getByText(/^Hana \d+ ended the meeting for everyone\.$/)).toBeVisible();
  await expect(owner.getByText(/^Hana \d+ ended the meeting for everyone\.$/)).toBeVisible();
  await expect(tiles(guest)).toHaveCount(0);
  expect((await stack.roomService().listRooms()).map((room) => room.name)).not.toContain(slug);
});

test("revoking a link asks; revoking the access too takes the guest who came through it out of the meeting at once", async ({
  openPage,
}) => {
  const owner = await openPage();
  const slug = await hostStartsMeeting(owner, "Hana");
  await joinFromPreJoin(owner);
  // Guests come straight in (no waiting room): this test is about the link.
  expect((await owner.request.patch(`/api/rooms/${slug}/settings`, { data: { waitingRoom: "NOBODY" } })).status()).toBe(
    200,
  );
  const created = await owner.request.post(`/api/rooms/${slug}/invites`, { data: { role: "participant" } });
  const { invite } = (await created.json()) as { invite: { path: string } };

  const guest = await openPage();
  await guest.goto(invite.path);
  await joinFromPreJoin(guest, { name: "Gina" });
  await expect(tiles(owner)).toHaveCount(2);

  const manage = await owner.context().newPage();
  await manage.goto(`/r/${slug}/invites`);
  const row = manage.getByTestId("invite-table").locator("tr", { hasText: "Shared link" });
  await expect(row).toContainText("Gina (guest)");
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = manage.getByRole("dialog");
  await expect(dialog).toContainText("Came in through it: Gina (guest)");
  await dialog.getByRole("button", { name: "Revoke the link and their access" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row).toContainText("with their access");

  await expect(guest.getByText(/^Hana \d+ revoked the invite link you came in with\.$/)).toBeVisible();
  await expect(tiles(owner)).toHaveCount(1);
});
