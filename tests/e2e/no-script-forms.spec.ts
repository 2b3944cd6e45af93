// The forms that carry a password work as plain HTML forms: with JavaScript off (as on a page
// whose scripts have not loaded yet) they post, the server answers with a redirect, and the
// password is in no address the browser visited or requested, and not in the server's log.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

/** A page with scripts off, and every address it requested or navigated to. */
async function pageWithoutScripts(
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ page: Page; addresses: string[] }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));
  page.on("framenavigated", (frame) => addresses.push(frame.url()));
  return { page, addresses };
}

/** A password found nowhere else, so finding it anywhere is a leak. */
const uniquePassword = () => `pw-${randomBytes(9).toString("base64url")}`;

function expectNoLeak(password: string, addresses: string[]) {
  expect(addresses.length).toBeGreaterThan(0);
  for (const address of addresses) {
    expect(address).not.toContain(password);
    expect(decodeURIComponent(address)).not.toContain(password);
  }
  expect(readFileSync(stack.appLog, "utf8")).not.toContain(password);
}

test("with JavaScript off, signing up posts the form and signs the new account in", async ({ browser, baseURL }) => {
  const { page, addresses } = await pageWithoutScripts(browser, baseURL);
  const person = { ...newPerson("Noscript"), password: uniquePassword() };
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  const [post] = await Promise.all([
    page.waitForRequest((request) => request.method() === "POST"),
    page.getByRole("button", { name: "Create account" }).click(),
  ]);
  expect(post.postData() ?? "").toContain(person.password);
  await expect(page.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);
  expect(new URL(page.url()).pathname).toBe("/");
  expectNoLeak(person.password, addresses);
  await page.context().close();
});

test("with JavaScript off, signing in works, and a wrong password is refused on the form", async ({
  browser,
  baseURL,
}) => {
  const person = { ...newPerson("Noscript"), password: uniquePassword() };
  const created = await (await browser.newContext({ baseURL })).request.post("/api/accounts", { data: person });
  expect(created.status()).toBe(201);

  const { page, addresses } = await pageWithoutScripts(browser, baseURL);
  await page.goto("/signin?callbackUrl=%2Fadmin%2Fnowhere");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(`${person.password}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(person.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);
  // The callback is followed, within this site only.
  expect(new URL(page.url()).pathname).toBe("/admin/nowhere");
  expectNoLeak(person.password, addresses);
  await page.context().close();
});

test("with JavaScript on, signing in goes through the same action without leaking either", async ({ page }) => {
  const person = { ...newPerson("Script"), password: uniquePassword() };
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "New meeting" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);
  expectNoLeak(person.password, addresses);
});
