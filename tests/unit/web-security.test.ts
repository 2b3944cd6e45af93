import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteWrite, requestRefusal } from "@/lib/web-security";

const APP = "https://meet.example.org";

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name!, values];
    }),
  );
}

const policy = (overrides: Partial<Parameters<typeof contentSecurityPolicy>[0]> = {}) =>
  directives(
    contentSecurityPolicy({
      nonce: "abc123",
      livekitPublicUrl: "wss://media.example.org",
      appUrl: APP,
      development: false,
      ...overrides,
    }),
  );

describe("the Content-Security-Policy", () => {
  it("runs only scripts carrying this response's nonce, and no eval in production (WebAssembly only)", () => {
    expect(policy()["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'", "'wasm-unsafe-eval'"]);
    expect(policy({ development: true })["script-src"]).toContain("'unsafe-eval'");
  });

  it("starts workers (LiveKit's end-to-end encryption worker, bundled by Parley) from this origin only", () => {
    expect(policy()["worker-src"]).toEqual(["'self'", "blob:"]);
  });

  it("connects to this origin and the configured LiveKit host only, over WebSocket and HTTP", () => {
    expect(policy()["connect-src"]).toEqual(["'self'", "wss://media.example.org", "https://media.example.org"]);
    expect(policy({ livekitPublicUrl: "ws://127.0.0.1:7880/some/path" })["connect-src"]).toEqual([
      "'self'",
      "ws://127.0.0.1:7880",
      "http://127.0.0.1:7880",
    ]);
  });

  it("allows data: and blob: images, blob: media, and cannot be framed", () => {
    const p = policy();
    expect(p["img-src"]).toEqual(["'self'", "data:", "blob:"]);
    expect(p["media-src"]).toEqual(["'self'", "blob:"]);
    expect(p["frame-ancestors"]).toEqual(["'none'"]);
    expect(p["object-src"]).toEqual(["'none'"]);
    expect(p["default-src"]).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only when Parley itself is served over https", () => {
    expect(policy()).toHaveProperty("upgrade-insecure-requests");
    expect(policy({ appUrl: "http://localhost:3000" })).not.toHaveProperty("upgrade-insecure-requests");
  });
});

const request = (method: string, pathname: string, headers: Record<string, string> = {}) => ({
  method,
  pathname,
  headers: new Headers(headers),
});

describe("the cross-site write rule", () => {
  it("refuses a state-changing request from another origin, or from an opaque one", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isCrossSiteWrite(request(method, "/api/rooms", { origin: "https://evil.example" }), APP), method).toBe(
        true,
      );
    }
    expect(isCrossSiteWrite(request("POST", "/api/rooms", { origin: "null" }), APP)).toBe(true);
    expect(
      isCrossSiteWrite(request("POST", "/api/rooms", { origin: "https://meet.example.org.evil.example" }), APP),
    ).toBe(true);
    expect(isCrossSiteWrite(request("POST", "/api/rooms", { origin: "http://meet.example.org" }), APP)).toBe(true);
  });

  it("lets through its own origin, reads, requests without Origin, and LiveKit's webhook", () => {
    expect(isCrossSiteWrite(request("POST", "/api/rooms", { origin: APP }), APP)).toBe(false);
    expect(isCrossSiteWrite(request("GET", "/api/rooms", { origin: "https://evil.example" }), APP)).toBe(false);
    expect(isCrossSiteWrite(request("POST", "/api/rooms"), APP)).toBe(false);
    expect(isCrossSiteWrite(request("POST", "/api/livekit/webhook", { origin: "https://evil.example" }), APP)).toBe(
      false,
    );
  });

  it("believes fetch metadata when Origin is missing", () => {
    expect(isCrossSiteWrite(request("POST", "/api/rooms", { "sec-fetch-site": "cross-site" }), APP)).toBe(true);
    expect(isCrossSiteWrite(request("POST", "/api/rooms", { "sec-fetch-site": "same-origin" }), APP)).toBe(false);
  });
});

describe("requests refused before any route", () => {
  it("are cross-site writes (403), declared bodies over 64 kB (413) and undecodable paths (400)", () => {
    expect(requestRefusal(request("POST", "/api/rooms", { origin: "https://evil.example" }), APP)?.status).toBe(403);
    expect(
      requestRefusal(request("POST", "/api/rooms", { "content-length": String(64 * 1024 + 1) }), APP)?.status,
    ).toBe(413);
    expect(requestRefusal(request("POST", "/api/rooms", { "content-length": String(64 * 1024) }), APP)).toBeNull();
    expect(requestRefusal(request("GET", "/api/rooms/%E0%A4%A/token"), APP)?.status).toBe(400);
    expect(requestRefusal(request("GET", "/r/abc-defg-hij"), APP)).toBeNull();
  });
});
