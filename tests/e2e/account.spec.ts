// /account, as a person uses it: changing the password with JavaScript off (other sessions end,
// this one stays, the old password stops working), changing the name, and deleting the
// account with its rooms handed to an administrator or deleted.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson } from "../support/factories";
import { signInAsAdmin, signUpHere } from "./support";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function contextWithoutScripts(browser: Browser, baseURL: string | undefined): Promise<Page> {
  return (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
}

test("changing the password without JavaScript keeps this session and ends the others", async ({
  browser,
  baseURL,
  openPage,
}) => {
  const person = newPerson("Changer");
  const page = await contextWithoutScripts(browser, baseURL);
  await page.goto("/signup");
  await signUpHere(page, person);
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);

  const elsewhere = await openPage({ permissions: [] });
  await signIn(elsewhere, person.email, person.password);
  await expect(elsewhere.getByTestId("signed-in-as")).toHaveText(person.name);

  await page.getByRole("link", { name: "Account" }).click();
  const form = page.getByTestId("change-password");
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("a different long password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("change-password").getByRole("alert")).toHaveText("That is not your current password.");

  await page.getByTestId("change-password").getByLabel("Current password").fill(person.password);
  await page.getByTestId("change-password").getByLabel("New password").fill("a different long password");
  await page.getByTestId("change-password").getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("change-password").getByRole("status")).toContainText("Your password was changed");
  expect(new URL(page.url()).pathname).toBe("/account");

  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/signin/);
  await signIn(elsewhere, person.email, person.password);
  await expect(elsewhere.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await signIn(elsewhere, person.email, "a different long password");
  await expect(elsewhere.getByTestId("signed-in-as")).toHaveText(person.name);
  await page.context().close();
});

test("a new name shows at once", async ({ page }) => {
  await page.goto("/signup");
  const person = newPerson("Renamer");
  await signUpHere(page, person);
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByTestId("rename").getByLabel("Your name").fill("Renamed Person");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Renamed Person");
});

for (const choice of ["hand_over", "delete"] as const) {
  test(`deleting an account ${choice === "hand_over" ? "hands its rooms to an administrator" : "with its rooms deletes them"}`, async ({
    page,
    openPage,
  }) => {
    const admin = await openPage({ permissions: [] });
    await signInAsAdmin(admin);

    const person = newPerson("Leaver");
    await page.goto("/signup");
    await signUpHere(page, person);
    await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);
    const created = await page.request.post("/api/rooms", { data: { name: `Room of ${person.name}` } });
    const { room } = (await created.json()) as { room: { slug: string } };

    await page.goto("/account");
    const form = page.getByTestId("delete-account");
    await form.getByLabel(choice === "hand_over" ? "Hand them to an administrator" : "Delete them").check();
    await form.getByLabel("Your password, to confirm").fill(person.password);
    await form.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByText("Your account was deleted.")).toBeVisible();
    await signIn(page, person.email, person.password);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");

    const listed = await admin.request.get(`/api/admin/rooms?q=${encodeURIComponent(`Room of ${person.name}`)}`);
    const rooms = ((await listed.json()) as { rooms: { slug: string; owner: { email: string } }[] }).rooms.filter(
      (listedRoom) => listedRoom.slug === room.slug,
    );
    if (choice === "hand_over") {
      expect(rooms).toHaveLength(1);
      expect(rooms[0]!.owner.email).not.toBe(person.email);
    } else {
      expect(rooms).toEqual([]);
    }
  });
}
