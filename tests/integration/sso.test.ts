// The single sign-on routes over HTTP, on an app configured for a real OpenID Connect provider
// (tests/support/oidc-provider.ts) with password sign-in switched off: what starting a sign-in
// sends the browser, malformed and foreign callbacks, and every password route refusing. The
// flows themselves, in a browser: tests/e2e/sso.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStack } from "../support/config";
import { startConfiguredApp, type ConfiguredApp } from "../support/configurable-app";
import { newPerson, TEST_PASSWORD } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { startOidcProvider, type RunningProvider } from "../support/oidc-provider";

type ErrorBody = { error: { code: string; message: string } };

describe.sequential("single sign-on with PASSWORD_SIGN_IN=off", () => {
  let op: RunningProvider;
  let app: ConfiguredApp;

  beforeAll(async () => {
    op = await startOidcProvider(`${testStack().configurableApp.env.NEXTAUTH_URL}/api/sso/callback`);
    app = await startConfiguredApp({
      SSO_ISSUER: op.issuer,
      SSO_CLIENT_ID: op.clientId,
      SSO_CLIENT_SECRET: op.clientSecret,
      SSO_LABEL: "Sign in with Example SSO",
      PASSWORD_SIGN_IN: "off",
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await op?.stop();
  });

  it("starting sends the browser to the provider with PKCE (S256), state and nonce, and keeps the state in an http-only cookie", async () => {
    const client = new HttpClient(app.url);
    const response = await client.request("/api/sso/start?callbackUrl=%2Faccount");
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe(op.issuer);
    const params = location.searchParams;
    expect(params.get("client_id")).toBe(op.clientId);
    expect(params.get("response_type")).toBe("code");
    expect(params.get("redirect_uri")).toBe(`${app.url}/api/sso/callback`);
    expect(params.get("scope")).toBe("openid email profile");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get("nonce")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const state = params.get("state")!;
    expect(state).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith("parley_sso_state="));
    expect(cookie).toContain(`parley_sso_state=${state}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/sso/);
    expect(cookie).toMatch(/SameSite=lax/i);
    // The provider knows the client and the redirect: its sign-in page answers, not an error.
    const atProvider = await fetch(location, { redirect: "manual" });
    expect(atProvider.status).toBe(303);
    expect(atProvider.headers.get("location")).toMatch(/^\/interaction\//);
  });

  it("a malformed callback is a 400 with the error body", async () => {
    const client = new HttpClient(app.url);
    for (const query of [
      "",
      "?code=abc",
      "?state=abc",
      `?state=${"s".repeat(3000)}&code=abc`,
      `?state=abc&code=abc&scope=${"x".repeat(3000)}`,
    ]) {
      const { status, body } = await client.json<ErrorBody>(`/api/sso/callback${query}`);
      expect(status, query).toBe(400);
      expect(body.error).toEqual({ code: "invalid_request", message: expect.any(String) });
    }
    const start = await client.json<ErrorBody>("/api/sso/start?next=%2F");
    expect(start.status).toBe(400);
    expect(start.body.error.code).toBe("invalid_request");
  });

  it("a callback this browser did not start goes back to the sign-in page with the reason, signed in as nobody", async () => {
    const starter = new HttpClient(app.url);
    const started = await starter.request("/api/sso/start");
    const state = new URL(started.headers.get("location")!).searchParams.get("state")!;
    // Another browser (no state cookie), and the same browser with an altered state.
    for (const [client, sent] of [
      [new HttpClient(app.url), state],
      [starter, `${state}x`],
    ] as const) {
      const response = await client.request(`/api/sso/callback?state=${sent}&code=made-up`);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`${app.url}/signin?error=sso_state`);
      expect(response.headers.getSetCookie().some((line) => line.includes("session-token="))).toBe(false);
    }
    const page = await (await new HttpClient(app.url).request("/signin?error=sso_state")).text();
    expect(page).toContain("was not started in this browser");
  });

  it("the sign-in and sign-up pages offer single sign-on only", async () => {
    for (const path of ["/signin", "/signup"]) {
      const html = await (await new HttpClient(app.url).request(path)).text();
      expect(html).toContain("Sign in with Example SSO");
      expect(html).toContain('href="/api/sso/start"');
      expect(html).not.toContain('type="password"');
    }
  });

  it("every password route refuses with 403 password_sign_in_off, even the first account's sign-up", async () => {
    const person = newPerson("Password");
    const signUp = await new HttpClient(app.url).json<ErrorBody>("/api/accounts", { method: "POST", json: person });
    expect(signUp.status).toBe(403);
    expect(signUp.body.error).toEqual({
      code: "password_sign_in_off",
      message: expect.stringContaining("single sign-on"),
    });

    const signIn = await new HttpClient(app.url).attemptSignIn(person.email, TEST_PASSWORD);
    expect(signIn.status).toBe(403);
    expect(((await signIn.json()) as ErrorBody).error.code).toBe("password_sign_in_off");

    const reset = await new HttpClient(app.url).json<ErrorBody>("/api/password-reset", {
      method: "POST",
      json: { email: person.email },
    });
    expect(reset.status).toBe(403);
    expect(reset.body.error.code).toBe("password_sign_in_off");
  });
});
