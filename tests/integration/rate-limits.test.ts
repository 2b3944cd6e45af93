// The rate limits, against the app instance that scripts/test.ts starts with tight limits (and
// no trusted proxy). Each test connects from loopback addresses of its own (127.x.y.z), so it
// is a different client as the limits see it, and no test spends another's allowance.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { newPerson } from "../support/factories";
import { HttpClient } from "../support/http-client";
import { stack } from "../support/stack";

type ErrorBody = { error: { code: string; message: string } };

/** One of the strict app's limits, as the app reads it (lib/env.ts). */
function limit(name: Extract<keyof Env, `RATE_LIMIT_${string}`>) {
  const { limit, windowMs } = stack.strictAppEnv[name];
  return { limit, windowSeconds: windowMs / 1000 };
}

const freshAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const clientFrom = (address: string) => new HttpClient(stack.strictAppUrl, { from: address });

async function expectRateLimited(response: Response, windowSeconds: number, message: RegExp) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  const body = (await response.json()) as ErrorBody;
  expect(body.error).toEqual({ code: "rate_limited", message: expect.stringMatching(message) });
  expect(body.error.message).toMatch(/Try again in (a|\d+) (second|minute)s?\.$/);
}

const signUp = (client: HttpClient, person: ReturnType<typeof newPerson>) =>
  client.request("/api/accounts", { method: "POST", json: person });

/** An account on the strict app, made from an address of its own; the client is signed in. */
async function member(label: string): Promise<HttpClient> {
  const address = freshAddress();
  const person = newPerson(label);
  const client = clientFrom(address);
  expect((await signUp(client, person)).status).toBe(201);
  expect(await client.signIn(person.email, person.password)).toBe(true);
  return client;
}

describe("signing up", () => {
  it("one address gets its allowance of new accounts, then 429 with Retry-After; another address is not affected", async () => {
    const { limit: perAddress, windowSeconds } = limit("RATE_LIMIT_SIGN_UP_PER_IP");
    const address = freshAddress();
    for (let i = 0; i < perAddress; i++)
      expect((await signUp(clientFrom(address), newPerson("Signup"))).status).toBe(201);
    const refused = newPerson("Refused");
    await expectRateLimited(await signUp(clientFrom(address), refused), windowSeconds, /Too many new accounts/);
    // Saying it came through a proxy changes nothing: no proxy is trusted here.
    const spoofed = await clientFrom(address).request("/api/accounts", {
      method: "POST",
      json: refused,
      headers: { "x-forwarded-for": "198.51.100.7" },
    });
    expect(spoofed.status).toBe(429);
    // The refused sign-up made no account: the same email works from elsewhere.
    expect((await signUp(clientFrom(freshAddress()), refused)).status).toBe(201);
  });

  it("one email address is limited across addresses", async () => {
    const { limit: perEmail, windowSeconds } = limit("RATE_LIMIT_SIGN_UP_PER_EMAIL");
    const person = newPerson("Same");
    const statuses = [];
    for (let i = 0; i < perEmail; i++) statuses.push((await signUp(clientFrom(freshAddress()), person)).status);
    expect(statuses).toEqual([201, ...Array<number>(perEmail - 1).fill(409)]);
    await expectRateLimited(
      await signUp(clientFrom(freshAddress()), person),
      windowSeconds,
      /Too many sign-ups with this email/,
    );
  });
});

describe("signing in", () => {
  it("an account gets its allowance of attempts, then 429 even with the right password, from any address", async () => {
    const { limit: perEmail, windowSeconds } = limit("RATE_LIMIT_SIGN_IN_PER_EMAIL");
    const person = newPerson("Target");
    expect((await signUp(clientFrom(freshAddress()), person)).status).toBe(201);
    const attacker = clientFrom(freshAddress());
    for (let i = 0; i < perEmail; i++) {
      const response = await attacker.attemptSignIn(person.email, `wrong password ${i}`);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toContain("error=CredentialsSignin");
    }
    await expectRateLimited(
      await attacker.attemptSignIn(person.email, person.password),
      windowSeconds,
      /Too many sign-in attempts for this account/,
    );
    const owner = clientFrom(freshAddress());
    await expectRateLimited(
      await owner.attemptSignIn(person.email, person.password),
      windowSeconds,
      /Too many sign-in attempts/,
    );
    expect(await owner.signIn(person.email, person.password)).toBe(false);
  });

  it("one address trying many accounts gets its allowance, then 429", async () => {
    const { limit: perAddress, windowSeconds } = limit("RATE_LIMIT_SIGN_IN_PER_IP");
    const address = freshAddress();
    for (let i = 0; i < perAddress; i++) {
      expect((await clientFrom(address).attemptSignIn(newPerson("Nobody").email, "some password")).status).toBe(302);
    }
    await expectRateLimited(
      await clientFrom(address).attemptSignIn(newPerson("Nobody").email, "some password"),
      windowSeconds,
      /from your network/,
    );
  });

  it("tells the sign-in form's client (next-auth/react, json=true) where to read the error", async () => {
    const { limit: perEmail } = limit("RATE_LIMIT_SIGN_IN_PER_EMAIL");
    const email = newPerson("Json").email;
    const client = clientFrom(freshAddress());
    for (let i = 0; i < perEmail; i++) await client.attemptSignIn(email, "wrong password", { json: "true" });
    const response = await client.attemptSignIn(email, "wrong password", { json: "true" });
    expect(response.status).toBe(429);
    const body = (await response.json()) as ErrorBody & { url: string };
    expect(body.error.code).toBe("rate_limited");
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
  });
});

describe("minting meeting tokens", () => {
  it("a member gets their allowance per minute, then 429 (guessed codes count too); other members are not affected", async () => {
    const { limit: perCaller, windowSeconds } = limit("RATE_LIMIT_JOIN_PER_CALLER");
    const host = await member("Host");
    const room = await host.createRoom("Busy room");
    for (let i = 0; i < perCaller; i++)
      expect((await host.request(`/api/rooms/${room.slug}/token`, { method: "POST" })).status).toBe(200);
    await expectRateLimited(
      await host.request(`/api/rooms/${room.slug}/token`, { method: "POST" }),
      windowSeconds,
      /Too many attempts to join/,
    );
    // Guessing codes counts too.
    expect((await host.request("/api/rooms/zzz-zzzz-zzz/token", { method: "POST" })).status).toBe(429);
    const other = await member("Other");
    expect((await other.request(`/api/rooms/${room.slug}/token`, { method: "POST" })).status).toBe(200);
  });

  it("through invite links, newcomers are counted per address and guests per guest", async () => {
    const { limit: perCaller, windowSeconds } = limit("RATE_LIMIT_JOIN_PER_CALLER");
    const host = await member("Host");
    const room = await host.createRoom("Open house");
    await host.letEveryoneIn(room.slug);
    const invite = await host.createInvite(room.slug, { role: "participant" });
    const address = freshAddress();
    const guest = clientFrom(address);
    expect((await guest.redeem(invite.token, "Guest 0")).status).toBe(200);
    for (let i = 1; i < perCaller; i++)
      expect((await clientFrom(address).redeem(invite.token, `Guest ${i}`)).status).toBe(200);
    const refused = await clientFrom(address).request("/api/invites/redeem", {
      method: "POST",
      json: { token: invite.token, name: "One too many" },
    });
    await expectRateLimited(refused, windowSeconds, /Too many attempts to join/);
    // The first guest, known by their cookie now, has an allowance of their own.
    expect((await guest.redeem(invite.token)).status).toBe(200);
  });
});
