import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimited } from "@/lib/rate-limit";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("the rate limiter", () => {
  it("allows the limit within the window, then refuses with the seconds until a place frees", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, time.now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.take("ann")).toEqual({ allowed: true });
      time.advance(10_000);
    }
    // The first request was 30 s ago; it leaves the window in 30 s.
    expect(limiter.take("ann")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    time.advance(29_000);
    expect(limiter.take("ann").allowed).toBe(false);
    time.advance(1_000);
    expect(limiter.take("ann")).toEqual({ allowed: true });
  });

  it("slides: refused requests do not count, and the window moves with time", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 1_000 }, time.now);
    limiter.take("k");
    limiter.take("k");
    for (let i = 0; i < 10; i++) expect(limiter.take("k").allowed).toBe(false);
    time.advance(1_000);
    expect(limiter.take("k").allowed).toBe(true);
    expect(limiter.take("k").allowed).toBe(true);
    expect(limiter.take("k").allowed).toBe(false);
  });

  it("stays exact with a large limit over many windows (requests leave it one by one)", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 500, windowMs: 1_000 }, time.now);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 500; i++) {
        expect(limiter.take("busy").allowed).toBe(true);
        time.advance(1);
      }
      expect(limiter.take("busy").allowed).toBe(false);
      // Requests came at t .. t+499; now it is t+1250, so those at t .. t+250 have left the window.
      time.advance(750);
      let allowed = 0;
      while (limiter.take("busy").allowed) allowed++;
      expect(allowed).toBe(251);
      time.advance(1_000);
    }
  });

  it("counts each key on its own", () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 }, clock().now);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it("never asks to wait less than a second", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000 }, time.now);
    limiter.take("k");
    time.advance(999);
    expect(limiter.take("k")).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("keeps a bounded number of keys, forgetting the least recently seen", () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 }, clock().now, 3);
    for (const key of ["a", "b", "c"]) limiter.take(key);
    limiter.take("a"); // refused, but seen: "b" is now the least recently seen
    limiter.take("d");
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true); // forgotten, so counted afresh
  });

  it("forgets keys whose requests have all left the window", () => {
    const time = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000 }, time.now);
    for (let i = 0; i < 100; i++) limiter.take(`key-${i}`);
    time.advance(5_000);
    limiter.take("another");
    expect((limiter as unknown as { hits: Map<string, number[]> }).hits.size).toBe(1);
  });
});

describe("a rate-limit refusal", () => {
  it("is a 429 with Retry-After in seconds and says when to try again", () => {
    const error = rateLimited(90, "Too many sign-in attempts.");
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limited");
    expect(error.headers).toEqual({ "Retry-After": "90" });
    expect(error.message).toBe("Too many sign-in attempts. Try again in 2 minutes.");
    expect(rateLimited(1, "Slow down.").message).toBe("Slow down. Try again in a second.");
    expect(rateLimited(45, "Slow down.").message).toBe("Slow down. Try again in 45 seconds.");
  });
});
