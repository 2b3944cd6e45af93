import "server-only";
import { env, type RateSetting } from "./env";
import { AppError } from "./http";

// Sliding-window rate limits, counted in this process's memory. Parley runs as one Node.js
// process beside one SQLite file, so that is where the counts belong; several app processes
// behind a load balancer would each allow the full rate and would need a shared store
// (e.g. Redis) instead. A restart forgets the counts, which only ever errs towards letting
// people in.

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Enough distinct callers for any real server; past it the least recently seen are forgotten,
// so a flood of made-up keys cannot exhaust memory.
const MAX_KEYS = 100_000;

export class RateLimiter {
  // For each key, the times of its requests within the window, oldest first. Map order is
  // least recently used first, because every take() moves its key to the end.
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly rate: RateSetting,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** Counts one request for `key`, unless `key` has used up its requests for the window. */
  take(key: string): Verdict {
    const now = this.now();
    const since = now - this.rate.windowMs;
    this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((time) => time > since);
    this.hits.delete(key);
    if (recent.length >= this.rate.limit) {
      this.hits.set(key, recent);
      // The oldest request in the window leaves it first and frees one place.
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! - since) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return { allowed: true };
  }

  /** Once per window, forgets keys with nothing left in the window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.rate.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1]! <= now - this.rate.windowMs) this.hits.delete(key);
    }
  }
}

function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "a second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

export function rateLimited(retryAfterSeconds: number, what: string): AppError {
  return new AppError(429, "rate_limited", `${what} Try again in ${inWords(retryAfterSeconds)}.`, {
    "Retry-After": String(retryAfterSeconds),
  });
}

type Limit = "signInPerEmail" | "signInPerIp" | "signUpPerIp" | "signUpPerEmail" | "joinPerCaller";

const refusals: Record<Limit, string> = {
  signInPerEmail: "Too many sign-in attempts for this account.",
  signInPerIp: "Too many sign-in attempts from your network.",
  signUpPerIp: "Too many new accounts from your network.",
  signUpPerEmail: "Too many sign-ups with this email address.",
  joinPerCaller: "Too many attempts to join a meeting.",
};

let limiters: Record<Limit, RateLimiter> | undefined;

function limiter(limit: Limit): RateLimiter {
  const config = env();
  limiters ??= {
    signInPerEmail: new RateLimiter(config.RATE_LIMIT_SIGN_IN_PER_EMAIL),
    signInPerIp: new RateLimiter(config.RATE_LIMIT_SIGN_IN_PER_IP),
    signUpPerIp: new RateLimiter(config.RATE_LIMIT_SIGN_UP_PER_IP),
    signUpPerEmail: new RateLimiter(config.RATE_LIMIT_SIGN_UP_PER_EMAIL),
    joinPerCaller: new RateLimiter(config.RATE_LIMIT_JOIN_PER_CALLER),
  };
  return limiters[limit];
}

/** Counts one request against a limit (RATE_LIMIT_* in lib/env.ts); over it, a 429 with Retry-After. */
export function enforceRateLimit(limit: Limit, key: string): void {
  const verdict = limiter(limit).take(key);
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds, refusals[limit]);
}
