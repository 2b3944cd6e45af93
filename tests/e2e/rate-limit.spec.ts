// Against the app instance with tight rate limits (scripts/test.ts): what a person sees when
// sign-in is refused for too many attempts.
import { expect, test } from "./fixtures";
import { newPerson } from "../support/factories";
import { stack } from "../support/stack";

const { strictAppUrl } = stack;
const attemptsPerEmail = stack.strictAppEnv.RATE_LIMIT_SIGN_IN_PER_EMAIL.limit;

test("a sign-in refused for too many attempts says so, in words", async ({ page }) => {
  const { email } = newPerson("Locked");
  await page.goto(`${strictAppUrl}/signin`);
  const alert = page.locator("form").getByRole("alert");
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  };
  for (let i = 0; i < attemptsPerEmail; i++) {
    await attempt(`wrong password ${i}`);
    await expect(alert).toHaveText("Wrong email or password.");
  }
  await attempt("wrong password again");
  await expect(alert).toHaveText(/^Too many sign-in attempts for this account\. Try again in \d+ minutes\.$/);
});
