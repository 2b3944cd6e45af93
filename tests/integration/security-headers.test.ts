// The security headers on every kind of response, and a Content-Security-Policy built per
// request from run-time configuration (proxy.ts, lib/web-security.ts).
import { describe, expect, it } from "vitest";
import { HttpClient } from "../support/http-client";
import { stack } from "../support/stack";

function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? "").split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name!, values];
    }),
  );
}

function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("same-origin");
  expect(response.headers.get("permissions-policy"), what).toMatch(
    /camera=\(self\), microphone=\(self\), display-capture=\(self\)/,
  );
  const policy = directives(response.headers.get("content-security-policy"));
  expect(policy["frame-ancestors"], what).toEqual(["'none'"]);
  expect(policy["script-src"], what).toEqual([
    "'self'",
    expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{16,}'$/),
    "'strict-dynamic'",
    "'wasm-unsafe-eval'",
  ]);
}

describe("security headers", () => {
  it("are on pages, API answers, errors, refusals and static files", async () => {
    const client = new HttpClient();
    const page = await client.request("/signin");
    expectSecurityHeaders(page, "page");
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    const responses: [string, Promise<Response>][] = [
      ["static script", client.request(script!)],
      ["API", client.request("/api/health")],
      ["API error", client.request("/api/rooms")],
      ["unknown API address", client.request("/api/no/such/thing")],
      ["missing page", client.request("/no/such/page")],
      [
        "cross-site refusal",
        client.request("/api/rooms", { method: "POST", headers: { origin: "https://evil.example" }, json: {} }),
      ],
      ["too large", client.request("/api/accounts", { method: "POST", json: { name: "x".repeat(70_000) } })],
    ];
    for (const [what, response] of responses) expectSecurityHeaders(await response, what);
  });

  it("give every page a fresh nonce, which every script on it carries", async () => {
    const client = new HttpClient();
    const nonces = new Set<string>();
    for (const path of ["/signin", "/signin", "/signup"]) {
      const response = await client.request(path);
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toBeDefined();
      nonces.add(nonce!);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  it("let the browser reach this origin and the configured LiveKit only, as read at run time", async () => {
    const livekit = new URL(stack.livekitUrl); // LIVEKIT_PUBLIC_URL is its ws:// twin in the tests
    const policy = directives((await new HttpClient().request("/signin")).headers.get("content-security-policy"));
    expect(policy["connect-src"]).toEqual(["'self'", `ws://${livekit.host}`, `http://${livekit.host}`]);
    expect(policy["img-src"]).toEqual(["'self'", "data:", "blob:"]);
    expect(policy["media-src"]).toEqual(["'self'", "blob:"]);
    // Another instance of the same build, started with another LiveKit address, names that one:
    // the policy is not fixed by `next build`.
    const other = directives(
      (await new HttpClient(stack.appWithoutLiveKitUrl).request("/signin")).headers.get("content-security-policy"),
    );
    expect(other["connect-src"]).toHaveLength(3);
    expect(other["connect-src"]).not.toContain(`ws://${livekit.host}`);
  });
});
