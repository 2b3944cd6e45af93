// Every API route against bad input: malformed JSON, wrong types, unknown fields, a 1 MB body
// (declared, and sent in chunks without a length), and path parameters with traversal and
// unicode tricks. Each answer is 400, 404 or 413 with the error body, never a 500, and the
// database is as it was. Each state-changing route also refuses a request from another site.
// A new route is one more row in ROUTES; the first test fails until it has one.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AccessToken } from "livekit-server-sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "../support/database";
import { hostWithRoom, signedInAdmin, TEST_PASSWORD } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { stack } from "../support/stack";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Caller = "anonymous" | "owner" | "admin";
type Fixture = { slug: string; inviteId: string; ownerId: string; knockId: string };
type Body =
  | { kind: "none" } // takes nothing (or an empty JSON object)
  | { kind: "json"; valid: (fixture: Fixture) => Record<string, unknown> }
  | { kind: "form"; valid: Record<string, string> } // next-auth's form posts
  | { kind: "webhook" }; // signed by LiveKit; bodies are signed here with the test key

type Route = {
  method: Method;
  /** As in app/api, with [param] for each path parameter. */
  path: string;
  as: Caller;
  /** A valid value for each path parameter (others keep theirs while one is tampered with). */
  params?: (fixture: Fixture) => Record<string, string>;
  body?: Body;
  /** A valid query, for routes that read one (they refuse anything else). */
  query?: Record<string, string>;
};

// A bad-input email nobody else uses: proves afterwards that no such account appeared.
const BAD_INPUT_EMAIL = `bad-input-${Date.now().toString(36)}@example.org`;

// prettier-ignore
const ROUTES: Route[] = [
  { method: "POST", path: "/api/accounts", as: "anonymous", body: { kind: "json", valid: () => ({ name: "Bad Input", email: BAD_INPUT_EMAIL, password: TEST_PASSWORD, invitation: "A".repeat(43) }) } },
  { method: "GET", path: "/api/auth/[...nextauth]", as: "anonymous", params: () => ({ "...nextauth": "csrf" }) },
  { method: "POST", path: "/api/auth/[...nextauth]", as: "anonymous", params: () => ({ "...nextauth": "callback/credentials" }), body: { kind: "form", valid: { csrfToken: "x", email: BAD_INPUT_EMAIL, password: TEST_PASSWORD } } },
  { method: "POST", path: "/api/accounts/confirmation", as: "anonymous", body: { kind: "json", valid: () => ({ email: BAD_INPUT_EMAIL }) } },
  { method: "GET", path: "/api/health", as: "anonymous" },
  { method: "GET", path: "/api/ping", as: "anonymous" },
  { method: "PUT", path: "/api/locale", as: "anonymous", body: { kind: "json", valid: () => ({ locale: "en" }) } },
  { method: "GET", path: "/api/sso/start", as: "anonymous", query: { callbackUrl: "/" } },
  { method: "GET", path: "/api/sso/callback", as: "anonymous", query: { state: "a-state", code: "a-code" } },
  { method: "POST", path: "/api/password-reset", as: "anonymous", body: { kind: "json", valid: () => ({ email: BAD_INPUT_EMAIL }) } },
  { method: "POST", path: "/api/password-reset/confirm", as: "anonymous", body: { kind: "json", valid: () => ({ token: "A".repeat(43), password: "correct horse battery" }) } },
  { method: "GET", path: "/api/rooms", as: "owner" },
  { method: "POST", path: "/api/rooms", as: "owner", body: { kind: "json", valid: () => ({ name: "Bad input room" }) } },
  { method: "POST", path: "/api/rooms/[slug]/token", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "GET", path: "/api/rooms/[slug]/invites", as: "owner", params: ({ slug }) => ({ slug }) },
  { method: "POST", path: "/api/rooms/[slug]/invites", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "json", valid: () => ({ role: "viewer", label: "bad input" }) } },
  { method: "POST", path: "/api/rooms/[slug]/invites/[inviteId]/send", as: "owner", params: ({ slug, inviteId }) => ({ slug, inviteId }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/invites/[inviteId]/revoke", as: "owner", params: ({ slug, inviteId }) => ({ slug, inviteId }), body: { kind: "json", valid: () => ({ revokeAccess: true }) } },
  { method: "POST", path: "/api/rooms/[slug]/participants/[identity]/mute", as: "owner", params: ({ slug }) => ({ slug, identity: "nobody-here" }), body: { kind: "json", valid: () => ({ source: "screen_share" }) } },
  { method: "POST", path: "/api/rooms/[slug]/participants/[identity]/remove", as: "owner", params: ({ slug }) => ({ slug, identity: "nobody-here" }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/participants/[identity]/cohost", as: "owner", params: ({ slug }) => ({ slug, identity: "nobody-here" }), body: { kind: "json", valid: () => ({ cohost: true }) } },
  { method: "POST", path: "/api/rooms/[slug]/mute-everyone", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/end", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "GET", path: "/api/rooms/[slug]/removals", as: "owner", params: ({ slug }) => ({ slug }) },
  { method: "DELETE", path: "/api/rooms/[slug]/removals/[identity]", as: "owner", params: ({ slug }) => ({ slug, identity: "nobody-here" }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/recording", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "DELETE", path: "/api/rooms/[slug]/recording", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "GET", path: "/api/rooms/[slug]/recordings", as: "owner", params: ({ slug }) => ({ slug }) },
  { method: "DELETE", path: "/api/rooms/[slug]/recordings/[recordingId]", as: "owner", params: ({ slug }) => ({ slug, recordingId: "no-such-recording" }), body: { kind: "none" } },
  { method: "GET", path: "/api/rooms/[slug]/recordings/[recordingId]/video", as: "owner", params: ({ slug }) => ({ slug, recordingId: "no-such-recording" }), query: { download: "1" } },
  { method: "GET", path: "/api/rooms/[slug]/departure", as: "owner", params: ({ slug }) => ({ slug }) },
  { method: "PATCH", path: "/api/rooms/[slug]/settings", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "json", valid: () => ({ maxParticipants: 12, allowGuests: false }) } },
  { method: "GET", path: "/api/rooms/[slug]/meetings/[meetingId]/attendance", as: "owner", params: ({ slug }) => ({ slug, meetingId: "no-such-meeting" }) },
  { method: "POST", path: "/api/rooms/[slug]/hand", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "json", valid: () => ({ raised: true }) } },
  { method: "DELETE", path: "/api/rooms/[slug]/participants/[identity]/hand", as: "owner", params: ({ slug }) => ({ slug, identity: "nobody-here" }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/reactions", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "json", valid: () => ({ emoji: "👍" }) } },
  { method: "GET", path: "/api/rooms/[slug]/chat", as: "owner", params: ({ slug }) => ({ slug }) },
  { method: "POST", path: "/api/rooms/[slug]/chat", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "json", valid: () => ({ text: "bad input" }) } },
  { method: "PATCH", path: "/api/rooms/[slug]/chat", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "json", valid: () => ({ enabled: false }) } },
  { method: "GET", path: "/api/rooms/[slug]/meetings/[meetingId]/chat", as: "owner", params: ({ slug }) => ({ slug, meetingId: "no-such-meeting" }) },
  { method: "POST", path: "/api/check/token", as: "owner", body: { kind: "none" } },
  { method: "POST", path: "/api/join-failures", as: "owner", body: { kind: "json", valid: () => ({ attemptId: "no-such-attempt", reason: "Timeout", message: "bad input" }) } },
  { method: "POST", path: "/api/rooms/[slug]/knock", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "GET", path: "/api/rooms/[slug]/knock", as: "owner", params: ({ slug }) => ({ slug }) },
  { method: "DELETE", path: "/api/rooms/[slug]/knock", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "GET", path: "/api/rooms/[slug]/knocks", as: "owner", params: ({ slug }) => ({ slug }) },
  { method: "POST", path: "/api/rooms/[slug]/knocks/admit-all", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/knocks/[knockId]/admit", as: "owner", params: ({ slug, knockId }) => ({ slug, knockId }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/knocks/[knockId]/deny", as: "owner", params: ({ slug, knockId }) => ({ slug, knockId }), body: { kind: "json", valid: () => ({ message: "Not today" }) } },
  { method: "POST", path: "/api/rooms/[slug]/knocks/[knockId]/watch", as: "owner", params: ({ slug, knockId }) => ({ slug, knockId }), body: { kind: "none" } },
  { method: "POST", path: "/api/rooms/[slug]/lock", as: "owner", params: ({ slug }) => ({ slug }), body: { kind: "json", valid: () => ({ locked: true }) } },
  { method: "POST", path: "/api/invites/redeem", as: "anonymous", body: { kind: "json", valid: () => ({ token: "A".repeat(43), name: "Bad Input" }) } },
  { method: "POST", path: "/api/livekit/webhook", as: "anonymous", body: { kind: "webhook" } },
  { method: "GET", path: "/api/admin/rooms", as: "admin", query: { q: "bad", status: "live", sort: "name", dir: "asc", page: "1", perPage: "10" } },
  { method: "DELETE", path: "/api/admin/rooms/[slug]", as: "admin", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "POST", path: "/api/admin/rooms/[slug]/end", as: "admin", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "POST", path: "/api/admin/rooms/[slug]/reopen", as: "admin", params: ({ slug }) => ({ slug }), body: { kind: "none" } },
  { method: "POST", path: "/api/admin/rooms/[slug]/participants/[identity]/mute", as: "admin", params: ({ slug }) => ({ slug, identity: "nobody-here" }), body: { kind: "json", valid: () => ({ source: "microphone" }) } },
  { method: "POST", path: "/api/admin/rooms/[slug]/participants/[identity]/remove", as: "admin", params: ({ slug }) => ({ slug, identity: "nobody-here" }), body: { kind: "none" } },
  { method: "GET", path: "/api/admin/users", as: "admin", query: { q: "bad", page: "2" } },
  { method: "PATCH", path: "/api/admin/users/[id]", as: "admin", params: ({ ownerId }) => ({ id: ownerId }), body: { kind: "json", valid: () => ({ disabled: true }) } },
  { method: "GET", path: "/api/admin/invitations", as: "admin", query: { page: "1" } },
  { method: "POST", path: "/api/admin/invitations", as: "admin", body: { kind: "json", valid: () => ({ email: BAD_INPUT_EMAIL }) } },
  { method: "POST", path: "/api/admin/invitations/[id]/resend", as: "admin", params: () => ({ id: "no-such-invitation" }), body: { kind: "none" } },
  { method: "GET", path: "/api/admin/audit", as: "admin", query: { action: "room.delete", q: "bad", page: "1" } },
  // Addresses no route claims.
  { method: "GET", path: "/api/[[...path]]", as: "owner", params: () => ({ "...path": "no/such/thing" }) },
  ...(["POST", "PUT", "PATCH", "DELETE"] as const).map((method): Route => ({ method, path: "/api/[[...path]]", as: "owner", params: () => ({ "...path": "no/such/thing" }), body: { kind: "none" } })),
];

const PATH_TRICKS: [string, string][] = [
  ["traversal", "..%2F..%2Fetc%2Fpasswd"],
  ["encoded dots", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"],
  ["backslash traversal", "..%5C..%5Cwindows%5Cwin.ini"],
  ["NUL byte", "abc%00def"],
  ["newline", "abc-defg-hij%0A"],
  ["right-to-left override", "%E2%80%AEjih-gfed-cba"],
  ["fullwidth letters", "%EF%BD%8B%EF%BD%86%EF%BD%90-xqzt-mwe"],
  ["very long", "a".repeat(4000)],
  ["SQL", "x'%20OR%20'1'%3D'1"],
];

// 1 MB that starts like a JSON object, so only its size is wrong.
const ONE_MEGABYTE = `{"name":"${"a".repeat(1024 * 1024)}"}`;

const clients = {} as Record<Caller, HttpClient>;
let fixture: Fixture;

beforeAll(async () => {
  clients.anonymous = new HttpClient();
  const { host, user: owner, room } = await hostWithRoom("Bad input target", "Owner");
  clients.owner = host;
  const invite = await clients.owner.createInvite(room.slug, { role: "participant" });
  clients.admin = (await signedInAdmin()).client;
  // Someone knocking at the room's door (new rooms make guests wait), for the door's routes.
  const knocker = new HttpClient();
  await knocker.redeem(invite.token, "Knocker");
  expect((await knocker.request(`/api/rooms/${room.slug}/knock`, { method: "POST" })).status).toBe(200);
  const { body } = await clients.owner.json<{ knocks: { id: string }[] }>(`/api/rooms/${room.slug}/knocks`);
  fixture = { slug: room.slug, inviteId: invite.id, ownerId: owner.id, knockId: body.knocks[0]!.id };
}, 60_000);

function pathFor(route: Route, params: Record<string, string>): string {
  return route.path.replace(/\[\[?([^[\]]+)\]\]?/g, (_, name: string) => params[name] ?? "");
}

function signedWebhook(body: string): Promise<string> {
  const token = new AccessToken(stack.livekitKey, stack.livekitSecret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

type Attempt = {
  name: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  chunked?: boolean;
};

async function send(route: Route, attempt: Attempt): Promise<Response> {
  const headers: Record<string, string> = { ...attempt.headers };
  if (route.body?.kind === "webhook" && typeof attempt.body === "string")
    headers.authorization = await signedWebhook(attempt.body);
  let body: BodyInit | undefined = attempt.body;
  if (attempt.chunked && typeof body === "string") {
    const bytes = new TextEncoder().encode(body);
    body = new ReadableStream({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16 * 1024) controller.enqueue(bytes.subarray(at, at + 16 * 1024));
        controller.close();
      },
    });
  }
  return clients[route.as].request(attempt.path, {
    method: route.method,
    headers,
    body,
    ...(attempt.chunked ? { duplex: "half" } : {}),
  } as RequestInit);
}

const json = (text: string) => ({ "content-type": "application/json", body: text });

/** The same valid value with another type. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return "yes";
  return "not an object";
}

/** Every bad request for one route. */
function attemptsFor(route: Route): Attempt[] {
  const params = route.params?.(fixture) ?? {};
  const base = pathFor(route, params) + (route.query ? `?${new URLSearchParams(route.query)}` : "");
  const attempts: Attempt[] = [];
  const body = route.body;
  const withBody = (name: string, contentType: string, text: string | Uint8Array<ArrayBuffer>, chunked = false) =>
    attempts.push({ name, path: base, headers: { "content-type": contentType }, body: text, chunked });

  if (body?.kind === "json" || body?.kind === "none" || body?.kind === "webhook") {
    const valid = body.kind === "json" ? body.valid(fixture) : {};
    for (const text of ["{not json", '{"a":', "[]", '"text"', "null", "42"])
      withBody(`body ${text}`, "application/json", text);
    withBody("bytes that are not UTF-8", "application/json", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    if (body.kind === "webhook") {
      withBody(
        "event of the wrong type",
        "application/webhook+json",
        JSON.stringify({ id: "bad-input-event", event: 5, room: "not an object" }),
      );
    } else {
      for (const field of Object.keys(valid)) {
        withBody(
          `${field} of the wrong type`,
          "application/json",
          JSON.stringify({ ...valid, [field]: wrongTypeFor(valid[field]) }),
        );
      }
      withBody("an unknown field", "application/json", JSON.stringify({ ...valid, isAdmin: true }));
      withBody(
        "a __proto__ field",
        "application/json",
        `${JSON.stringify(valid).slice(0, -1)}${Object.keys(valid).length ? "," : ""}"__proto__":{"admin":true}}`,
      );
    }
  }
  if (body?.kind === "form") {
    const valid = new URLSearchParams(body.valid).toString();
    withBody("malformed JSON instead of a form", "application/json", "{not json");
    withBody("a field sent twice", "application/x-www-form-urlencoded", `${valid}&email=other%40example.org`);
    withBody("an unknown field", "application/x-www-form-urlencoded", `${valid}&isAdmin=true`);
    withBody(
      "a missing field",
      "application/x-www-form-urlencoded",
      new URLSearchParams({ email: "x@example.org" }).toString(),
    );
  }
  if (body) {
    const type = body.kind === "form" ? "application/x-www-form-urlencoded" : "application/json";
    withBody("1 MB with its length", type, ONE_MEGABYTE);
    withBody("1 MB in chunks", type, ONE_MEGABYTE, true);
  }
  if (route.query) {
    for (const [name, value] of Object.entries({ unknown: "1", page: "abc", perPage: "-5", q: "x".repeat(500) })) {
      if (name !== "unknown" && !(name in route.query)) continue;
      attempts.push({
        name: `query ${name}=${value.slice(0, 12)}`,
        path: `${pathFor(route, params)}?${new URLSearchParams({ ...route.query, [name]: value })}`,
      });
    }
  }
  // Each path parameter tampered with in turn; the body (if any) stays valid.
  const validBody =
    body?.kind === "json"
      ? json(JSON.stringify(body.valid(fixture)))
      : body?.kind === "form"
        ? { "content-type": "application/x-www-form-urlencoded", body: new URLSearchParams(body.valid).toString() }
        : undefined;
  for (const name of Object.keys(params)) {
    for (const [trick, value] of PATH_TRICKS) {
      attempts.push({
        name: `${name} with ${trick}`,
        path: pathFor(route, { ...params, [name]: value }),
        ...(validBody ? { headers: { "content-type": validBody["content-type"] }, body: validBody.body } : {}),
      });
    }
  }
  return attempts;
}

/** The rows the attempts could touch, to prove afterwards that none changed. */
function snapshot() {
  return withDatabase((db) => ({
    room: db.prepare(`SELECT * FROM "Room" WHERE "slug" = ?`).all(fixture.slug),
    invites: db
      .prepare(`SELECT * FROM "Invite" WHERE "roomId" IN (SELECT "id" FROM "Room" WHERE "slug" = ?) ORDER BY "id"`)
      .all(fixture.slug),
    knocks: db
      .prepare(`SELECT * FROM "Knock" WHERE "roomId" IN (SELECT "id" FROM "Room" WHERE "slug" = ?) ORDER BY "id"`)
      .all(fixture.slug),
    access: db
      .prepare(`SELECT * FROM "RoomAccess" WHERE "roomId" IN (SELECT "id" FROM "Room" WHERE "slug" = ?) ORDER BY "id"`)
      .all(fixture.slug),
    removals: db
      .prepare(`SELECT * FROM "RoomRemoval" WHERE "roomId" IN (SELECT "id" FROM "Room" WHERE "slug" = ?) ORDER BY "id"`)
      .all(fixture.slug),
    guests: db
      .prepare(`SELECT COUNT(*) AS n FROM "Guest" WHERE "roomId" IN (SELECT "id" FROM "Room" WHERE "slug" = ?)`)
      .get(fixture.slug),
    rooms: db.prepare(`SELECT COUNT(*) AS n FROM "Room" WHERE "ownerId" = ?`).get(fixture.ownerId),
    owner: db.prepare(`SELECT * FROM "User" WHERE "id" = ?`).all(fixture.ownerId),
    badInputAccounts: db.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE "email" = ?`).get(BAD_INPUT_EMAIL),
    badInputInvitations: db
      .prepare(`SELECT COUNT(*) AS n FROM "AccountInvitation" WHERE "email" = ?`)
      .get(BAD_INPUT_EMAIL),
    audit: db
      .prepare(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE "targetId" IN (?, ?, ?, 'nobody-here')`)
      .get(fixture.slug, fixture.ownerId, fixture.inviteId),
    webhooks: db.prepare(`SELECT COUNT(*) AS n FROM "WebhookDelivery" WHERE "id" LIKE 'bad-input-%'`).get(),
  }));
}

/** The routes in app/api, as "METHOD /api/..." from each route.ts's exports. */
function routesInTheApp(): string[] {
  const root = path.join(process.cwd(), "app/api");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts",
  );
  return files.flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const methods = [
      ...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((match) => match[1] ?? match[2]);
    const route = `/api/${path.dirname(file).split(path.sep).join("/")}`;
    return methods.map((method) => `${method} ${route}`);
  });
}

describe("every API route, given bad input", () => {
  it("is listed here", () => {
    expect(ROUTES.map((route) => `${route.method} ${route.path}`).sort()).toEqual(routesInTheApp().sort());
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path} answers 400, 404 or 413 with the error body, and changes nothing`, async () => {
      const before = snapshot();
      for (const attempt of attemptsFor(route)) {
        const response = await send(route, attempt);
        const text = await response.text();
        expect([400, 404, 413], `${attempt.name}: ${response.status} ${text.slice(0, 300)}`).toContain(response.status);
        expect(JSON.parse(text), attempt.name).toEqual({
          error: { code: expect.any(String), message: expect.any(String) },
        });
      }
      expect(snapshot()).toEqual(before);
    }, 60_000);
  }
});

describe("every state-changing API route, called from another site", () => {
  // LiveKit's webhook is exempt: LiveKit calls it server to server, and its signature is the check.
  const writes = ROUTES.filter((route) => route.method !== "GET" && route.path !== "/api/livekit/webhook");

  for (const route of writes) {
    it(`${route.method} ${route.path} is refused with 403 cross_origin`, async () => {
      const before = snapshot();
      const params = route.params?.(fixture) ?? {};
      const body =
        route.body?.kind === "json"
          ? JSON.stringify(route.body.valid(fixture))
          : route.body?.kind === "form"
            ? new URLSearchParams(route.body.valid).toString()
            : undefined;
      const contentType = route.body?.kind === "form" ? "application/x-www-form-urlencoded" : "application/json";
      for (const origin of [
        "https://evil.example",
        "null",
        new URL(stack.appUrl).origin.replace("127.0.0.1", "localhost"),
      ]) {
        const response = await clients[route.as].request(pathFor(route, params), {
          method: route.method,
          headers: { origin, "content-type": contentType },
          body,
        });
        expect(response.status, origin).toBe(403);
        expect(await response.json()).toEqual({ error: { code: "cross_origin", message: expect.any(String) } });
      }
      expect(snapshot()).toEqual(before);
    });
  }

  it("while the same request from the app's own origin goes through", async () => {
    const response = await clients.owner.request("/api/rooms", {
      method: "POST",
      headers: { origin: new URL(stack.appUrl).origin },
      json: { name: "Same origin" },
    });
    expect(response.status).toBe(201);
  });
});
