// Single sign-on end to end, in Chromium, against a real OpenID Connect provider (oidc-provider,
// tests/support/oidc-provider.ts) and an app of its own configured for it, with SIGNUP=closed
// (accounts come from single sign-on or an administrator) and an admin group.
import type { Page } from "@playwright/test";
import { startConfiguredApp, type ConfiguredApp } from "../support/configurable-app";
import { testStack } from "../support/config";
import { TEST_PASSWORD } from "../support/factories";
import { HttpClient } from "../support/http-client";
import {
  SSO_ADMIN_GROUP,
  SSO_PEOPLE,
  startOidcProvider,
  type RunningProvider,
  type SsoLogin,
} from "../support/oidc-provider";
import { expect, test, type OpenPage } from "./fixtures";

const LABEL = "Sign in with Example SSO";
const OWNER = { name: "Server Owner", email: "owner.sso@example.org", password: TEST_PASSWORD };

let op: RunningProvider;
let app: ConfiguredApp;
let owner: HttpClient;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  op = await startOidcProvider(`${testStack().configurableApp.env.NEXTAUTH_URL}/api/sso/callback`);
  app = await startConfiguredApp({
    SIGNUP: "closed",
    ADMIN_EMAILS: undefined,
    SSO_ISSUER: op.issuer,
    SSO_CLIENT_ID: op.clientId,
    SSO_CLIENT_SECRET: op.clientSecret,
    SSO_LABEL: LABEL,
    SSO_SCOPES: "openid email profile groups",
    SSO_ADMIN_GROUP,
  });
  // The first account of a fresh server (a password account, the admin): no one who signs in
  // through the provider is the first.
  owner = new HttpClient(app.url);
  await owner.signUp(OWNER);
});

test.afterAll(async () => {
  await app?.stop();
  await op?.stop();
});

type UserRow = { id: string; email: string; name: string; role: string; disabledAt: string | null };

async function accountsWith(email: string): Promise<UserRow[]> {
  const { body } = await owner.json<{ users: UserRow[] }>(`/api/admin/users?q=${encodeURIComponent(email)}`);
  return body.users.filter((user) => user.email === email);
}

/** The account this browser is signed in as, as next-auth's session endpoint reports it. */
async function sessionUserId(page: Page): Promise<string | undefined> {
  const response = await page.request.get(`${app.url}/api/auth/session`);
  const body = (await response.json()) as { user?: { id?: string } };
  return body.user?.id;
}

/** From Parley's sign-in page through the provider's; `login` when the provider asks who it is. */
async function signInThroughProvider(page: Page, login?: SsoLogin) {
  await page.goto(`${app.url}/signin`);
  await page.getByRole("link", { name: LABEL }).click();
  if (login) {
    await expect(page).toHaveURL(new RegExp(`^${op.issuer}/`));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("any password at the provider");
    await page.getByRole("button", { name: "Sign-in" }).click();
  }
}

/** The sign-in form's problem (Next.js's route announcer is an alert too). */
const formError = (page: Page) => page.locator('p.error[role="alert"]');

/**
 * A page on the SSO app. The provider's own pages @import a Google font, which a machine without
 * DNS would wait seconds for on each of them: the font is refused at once.
 */
async function openAppPage(openPage: OpenPage): Promise<Page> {
  const page = await openPage({ permissions: [], baseURL: app.url });
  await page.context().route("https://fonts.googleapis.com/**", (route) => route.abort());
  return page;
}

test("the first sign-in makes the account, and the next ones find the same account", async ({ openPage }) => {
  const ada = SSO_PEOPLE["ada-verified"];
  const page = await openAppPage(openPage);
  await signInThroughProvider(page, "ada-verified");
  await expect(page.getByTestId("signed-in-as")).toHaveText(ada.name);
  await expect(page).toHaveURL(`${app.url}/`);
  const first = await sessionUserId(page);
  expect(first).toBeTruthy();
  const [made] = await accountsWith(ada.email);
  expect(made).toMatchObject({ id: first, name: ada.name, role: "MEMBER" });
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);

  // Signed out of Parley, still signed in at the provider: straight back in, same account.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await sessionUserId(page)).toBeUndefined();
  await signInThroughProvider(page);
  await expect(page.getByTestId("signed-in-as")).toHaveText(ada.name);
  expect(await sessionUserId(page)).toBe(first);

  // Another browser, signing in at the provider afresh.
  const elsewhere = await openAppPage(openPage);
  await signInThroughProvider(elsewhere, "ada-verified");
  await expect(elsewhere.getByTestId("signed-in-as")).toHaveText(ada.name);
  expect(await sessionUserId(elsewhere)).toBe(first);
  expect(await accountsWith(ada.email)).toHaveLength(1);
});

test("an address the provider does not verify does not take over the password account that has it", async ({
  openPage,
}) => {
  const target = SSO_PEOPLE["mallory-unverified"].email;
  // SIGNUP=closed: the password account comes from an administrator's invitation.
  const { status, body } = await owner.json<{ link: string }>("/api/admin/invitations", {
    method: "POST",
    json: { email: target },
  });
  expect(status).toBe(201);
  const invitation = new URL(body.link).searchParams.get("invitation")!;
  const victim = new HttpClient(app.url);
  const account = await victim.signUp({ name: "Password Owner", email: target, password: TEST_PASSWORD, invitation });

  const page = await openAppPage(openPage);
  await signInThroughProvider(page, "mallory-unverified");
  await expect(page).toHaveURL(`${app.url}/signin?error=sso_email_unverified`);
  await expect(formError(page)).toContainText("does not confirm that your email address is yours");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  expect(await sessionUserId(page)).toBeUndefined();

  // The account is as it was, and still its owner's.
  expect(await accountsWith(target)).toEqual([expect.objectContaining({ id: account.id, name: "Password Owner" })]);
  expect(await new HttpClient(app.url).signIn(target, TEST_PASSWORD)).toBe(true);
});

test("the provider's admin group makes an administrator, who reaches /admin", async ({ openPage }) => {
  const grace = SSO_PEOPLE["grace-admin"];
  const page = await openAppPage(openPage);
  await signInThroughProvider(page, "grace-admin");
  await expect(page.getByTestId("signed-in-as")).toHaveText(grace.name);
  await page.getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
  await page.goto(`${app.url}/admin/users`);
  await expect(page.getByText(grace.email)).toBeVisible();
  expect(await accountsWith(grace.email)).toEqual([expect.objectContaining({ role: "ADMIN" })]);
});

test("a callback with its state altered is refused", async ({ openPage }) => {
  const page = await openAppPage(openPage);
  // The provider sends the browser back through redirects, which page.route does not see: the
  // sign-in form's POST is held instead, and the provider's redirects followed here (with the
  // browser's cookies) up to the callback, which is then sent altered.
  let callback: string | undefined;
  const isProviderInteraction = (url: URL) => url.href.startsWith(`${op.issuer}/interaction/`);
  await page.route(isProviderInteraction, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    let location = (await route.fetch({ maxRedirects: 0 })).headers()["location"];
    while (location && !location.startsWith(`${app.url}/`)) {
      const hop = await page.context().request.get(new URL(location, op.issuer).href, { maxRedirects: 0 });
      location = hop.headers()["location"];
    }
    callback = location;
    await route.fulfill({ status: 200, contentType: "text/html", body: "<p>Held back</p>" });
  });
  await signInThroughProvider(page, "ada-verified");
  await expect.poll(() => callback).toMatch(new RegExp(`^${app.url}/api/sso/callback\\?`));
  await page.unroute(isProviderInteraction);
  const tampered = new URL(callback!);
  const state = tampered.searchParams.get("state")!;
  tampered.searchParams.set("state", `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`);
  await page.goto(tampered.toString());
  await expect(page).toHaveURL(`${app.url}/signin?error=sso_state`);
  await expect(formError(page)).toContainText("was not started in this browser");
  expect(await sessionUserId(page)).toBeUndefined();
});

test("a callback used a second time is refused, in the same browser and in another with its cookie", async ({
  openPage,
}) => {
  const page = await openAppPage(openPage);
  const callbackSeen = page.waitForRequest((request) => request.url().startsWith(`${app.url}/api/sso/callback?`));
  await signInThroughProvider(page, "ada-verified");
  const callback = (await callbackSeen).url();
  await expect(page.getByTestId("signed-in-as")).toHaveText(SSO_PEOPLE["ada-verified"].name);
  const stateCookie = (await page.context().cookies(app.url)).find((cookie) => cookie.name === "parley_sso_state");
  expect(stateCookie, "the state cookie is spent with the callback").toBeUndefined();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto(callback);
  await expect(page).toHaveURL(`${app.url}/signin?error=sso_state`);
  expect(await sessionUserId(page)).toBeUndefined();

  // Someone holding both the callback and the browser's state cookie gets nowhere either: the
  // sign-in it belonged to is spent.
  const state = new URL(callback).searchParams.get("state")!;
  const other = await openAppPage(openPage);
  await other
    .context()
    .addCookies([{ name: "parley_sso_state", value: state, url: `${app.url}/api/sso/callback`, httpOnly: true }]);
  await other.goto(callback);
  await expect(other).toHaveURL(`${app.url}/signin?error=sso_state`);
  expect(await sessionUserId(other)).toBeUndefined();
});

test("a disabled account is signed out at its next request and refused at its next sign-in", async ({ openPage }) => {
  const ada = SSO_PEOPLE["ada-verified"];
  const page = await openAppPage(openPage);
  await signInThroughProvider(page, "ada-verified");
  await expect(page.getByTestId("signed-in-as")).toHaveText(ada.name);
  const [account] = await accountsWith(ada.email);
  const disabled = await owner.request(`/api/admin/users/${account!.id}`, {
    method: "PATCH",
    json: { disabled: true },
  });
  expect(disabled.status).toBe(200);

  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await signInThroughProvider(page);
  await expect(page).toHaveURL(`${app.url}/signin?error=account_disabled`);
  await expect(formError(page)).toContainText("disabled by an administrator");

  await owner.request(`/api/admin/users/${account!.id}`, { method: "PATCH", json: { disabled: false } });
});
