// "Forgot password?" as a person does it, with JavaScript off (every step is a plain form post):
// the mail arrives, its link sets a new password once, the session in another browser ends,
// and the new password is in no address and not in the server's log.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { linkIn, waitForMail } from "../support/mailpit";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

test("a password reset by mail works without JavaScript, once, and signs the account out everywhere", async ({
  browser,
  baseURL,
  openPage,
}) => {
  const person = newPerson("Reset");
  const created = await (await browser.newContext({ baseURL })).request.post("/api/accounts", { data: person });
  expect(created.status()).toBe(201);

  // Signed in elsewhere, with scripts on.
  const elsewhere = await openPage({ permissions: [] });
  await elsewhere.goto("/signin");
  await elsewhere.getByLabel("Email").fill(person.email);
  await elsewhere.getByLabel("Password").fill(person.password);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.getByTestId("signed-in-as")).toHaveText(person.name);

  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const addresses: string[] = [];
  page.on("request", (request) => addresses.push(request.url()));
  page.on("framenavigated", (frame) => addresses.push(frame.url()));

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText(`If there is an account for ${person.email}`);

  const link = linkIn(
    await waitForMail(person.email, 1, "Reset your Parley password"),
    `${baseURL}/reset-password?token=`,
  );
  await page.goto(link);
  const newPassword = `new-${randomBytes(9).toString("base64url")}`;
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password was changed")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/signin");

  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(person.name);

  // The other browser's session has ended.
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/signin/);

  // The link was spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link can't be used" })).toBeVisible();
  await expect(page.getByText("already been used")).toBeVisible();

  for (const address of addresses) expect(decodeURIComponent(address)).not.toContain(newPassword);
  expect(readFileSync(stack.appLog, "utf8")).not.toContain(newPassword);
  await context.close();
});
