// Meeting codes and invite links cannot be found by guessing: every wrong guess gets the same
// answer, and one that could be a real code is refused as fast as one that could not.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generateSlug } from "@/lib/rooms/slug";
import { newMember } from "../support/factories";
import { HttpClient } from "../support/http-client";

const MALFORMED_SLUGS = [
  "ABC-DEFG-HIJ",
  "abc-defg-hi",
  "abcdefghij",
  "..%2F..%2Fetc%2Fpasswd",
  "abc%00def",
  "%E2%80%AEjih-gfed-cba",
  "%EF%BD%81bc-defg-hij",
  "a".repeat(2000),
];
const MALFORMED_TOKENS = [
  "A".repeat(42),
  "A".repeat(44),
  `${"A".repeat(42)}=`,
  "../../etc/passwd",
  `${"A".repeat(42)}\u202e`,
  "Ａ".repeat(43),
];

/** Runs `work` for every item, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** What a page request came to: its status and whether it is the "Nothing here" page. */
async function pageAnswer(client: HttpClient, path: string): Promise<string> {
  const response = await client.request(path);
  const page = await response.text();
  return `${response.status} ${page.includes("Nothing here") ? "nothing here" : page.slice(0, 200)}`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median time of each kind of request, measured one at a time and interleaved so that a
 * slow moment of the machine falls on both alike.
 */
async function medianTimes(samples: number, kinds: (() => Promise<unknown>)[]): Promise<number[]> {
  const times: number[][] = kinds.map(() => []);
  for (let i = 0; i < samples; i++) {
    for (const [k, request] of kinds.entries()) {
      const start = performance.now();
      await request();
      times[k]!.push(performance.now() - start);
    }
  }
  return times.map(median);
}

// Same class: within a factor of three, or a few milliseconds apart (a database lookup by a
// unique index takes well under one; HTTP and rendering dominate).
function expectSameTimingClass([a, b]: number[], what: string) {
  const close = Math.max(a!, b!) <= 3 * Math.min(a!, b!) || Math.abs(a! - b!) <= 5;
  expect(close, `${what}: medians ${a!.toFixed(2)} ms and ${b!.toFixed(2)} ms`).toBe(true);
}

let member: HttpClient;

beforeAll(async () => {
  member = (await newMember("Guesser")).client;
});

describe("guessing meeting codes", () => {
  it("1,000 random codes, and malformed ones, all get the same 404 from the token route", async () => {
    const slugs = [...Array.from({ length: 1000 }, () => generateSlug()), ...MALFORMED_SLUGS];
    const answers = await inParallel(slugs, 8, async (slug) => {
      const response = await member.request(`/api/rooms/${slug}/token`, { method: "POST" });
      return `${response.status} ${await response.text()}`;
    });
    expect(new Set(answers)).toEqual(
      new Set(['404 {"error":{"code":"not_found","message":"This meeting does not exist."}}']),
    );
  }, 120_000);

  it("1,000 random codes, and malformed ones, all get the same 404 page", async () => {
    const slugs = [...Array.from({ length: 1000 }, () => generateSlug()), ...MALFORMED_SLUGS];
    const answers = await inParallel(slugs, 8, (slug) => pageAnswer(member, `/r/${slug}`));
    expect(new Set(answers)).toEqual(new Set(["404 nothing here"]));
  }, 180_000);

  it("a code that could be a meeting is refused as fast as one that could not", async () => {
    const medians = await medianTimes(200, [
      () => member.request(`/api/rooms/${generateSlug()}/token`, { method: "POST" }).then((r) => r.text()),
      () =>
        member.request(`/api/rooms/${generateSlug().toUpperCase()}/token`, { method: "POST" }).then((r) => r.text()),
    ]);
    expectSameTimingClass(medians, "well-formed and malformed codes");
  }, 120_000);
});

describe("guessing invite links", () => {
  const randomToken = () => randomBytes(32).toString("base64url"); // 43 characters, like a real one

  it("1,000 random tokens all get the same 404, malformed ones the same 400, and nobody gets in", async () => {
    const answers = await inParallel(Array.from({ length: 1000 }, randomToken), 8, async (token) => {
      const { status, body } = await new HttpClient().redeem(token, "Guesser");
      return `${status} ${JSON.stringify(body)}`;
    });
    expect(new Set(answers)).toEqual(
      new Set([
        '404 {"error":{"code":"invite_not_found","message":"This invite link is not valid. Check it with the person who sent it."}}',
      ]),
    );
    const malformed = await inParallel(
      MALFORMED_TOKENS,
      4,
      async (token) => (await new HttpClient().redeem(token, "Guesser")).status,
    );
    expect(new Set(malformed)).toEqual(new Set([400]));
  }, 120_000);

  it("random tokens get the same 404 page", async () => {
    const answers = await inParallel(Array.from({ length: 100 }, randomToken), 8, (token) =>
      pageAnswer(new HttpClient(), `/j/${token}`),
    );
    expect(new Set(answers)).toEqual(new Set(["404 nothing here"]));
  }, 60_000);

  it("a token that could be a link is refused as fast as one that could not", async () => {
    const medians = await medianTimes(200, [
      () => new HttpClient().redeem(randomToken(), "Guesser"),
      () => new HttpClient().redeem(`${randomToken().slice(0, 42)}!`, "Guesser"),
    ]);
    expectSameTimingClass(medians, "well-formed and malformed tokens");
  }, 120_000);
});
