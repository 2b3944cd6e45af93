import "server-only";
import { env, type RateSetting } from "./env";
import { AppError } from "./http";

// Sliding-window rate limits, counted in this process's memory. Parley runs as one Node.js
// process beside one SQLite file, so that is where the counts belong; several app processes
// behind a load balancer would each allow the full rate and would need a shared store
// (e.g. Redis) instead. A restart forgets the counts, which only ever errs towards letting
// people in.

type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Enough distinct callers for any real server; past it the least recently seen are forgotten,
// so a flood of made-up keys cannot exhaust memory.
const MAX_KEYS = 100_000;

/** One key's requests within the window, oldest first: times[first..] (earlier ones have left it). */
type Window = { times: number[]; first: number };

export class RateLimiter {
  // Map order is least recently used first, because every take() moves its key to the end.
  private readonly hits = new Map<string, Window>();
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
    const window = this.hits.get(key) ?? { times: [], first: 0 };
    this.hits.delete(key);
    this.hits.set(key, window);
    // Requests leave the window in the order they came: step past those that have, without
    // copying (this runs on every request, and a generous limit means a long list).
    while (window.first < window.times.length && window.times[window.first]! <= since) window.first++;
    if (window.first > 64 && window.first * 2 > window.times.length) {
      window.times = window.times.slice(window.first);
      window.first = 0;
    }
    if (window.times.length - window.first >= this.rate.limit) {
      // The oldest request in the window leaves it first and frees one place.
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.times[window.first]! - since) / 1000)),
      };
    }
    window.times.push(now);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return { allowed: true };
  }

  /** Once per window, forgets keys with nothing left in the window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.rate.windowMs) return;
    this.lastSweep = now;
    for (const [key, { times }] of this.hits) {
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
  return new AppError("rate_limited", `${what} Try again in ${inWords(retryAfterSeconds)}.`, {
    "Retry-After": String(retryAfterSeconds),
  });
}

type Limit =
  | "signInPerEmail"
  | "signInPerIp"
  | "signUpPerIp"
  | "signUpPerEmail"
  | "joinPerCaller"
  | "connectionCheckPerCaller"
  | "joinFailureReportsPerCaller"
  | "passwordResetPerIp"
  | "passwordResetPerEmail"
  | "confirmationMailPerIp"
  | "confirmationMailPerEmail"
  | "chatPerCaller"
  | "reactionsPerCaller";

const refusals: Record<Limit, string> = {
  signInPerEmail: "Too many sign-in attempts for this account.",
  signInPerIp: "Too many sign-in attempts from your network.",
  signUpPerIp: "Too many new accounts from your network.",
  signUpPerEmail: "Too many sign-ups with this email address.",
  joinPerCaller: "Too many attempts to join a meeting.",
  connectionCheckPerCaller: "Too many connection checks.",
  joinFailureReportsPerCaller: "Too many reports of failed connections.",
  passwordResetPerIp: "Too many password resets asked for from your network.",
  passwordResetPerEmail: "Too many password resets asked for this address.",
  confirmationMailPerIp: "Too many confirmation mails asked for from your network.",
  confirmationMailPerEmail: "Too many confirmation mails asked for this address.",
  chatPerCaller: "You are sending chat messages too quickly.",
  reactionsPerCaller: "You are sending reactions too quickly.",
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
    connectionCheckPerCaller: new RateLimiter(config.RATE_LIMIT_CONNECTION_CHECK_PER_CALLER),
    joinFailureReportsPerCaller: new RateLimiter(config.RATE_LIMIT_JOIN_FAILURE_REPORTS_PER_CALLER),
    passwordResetPerIp: new RateLimiter(config.RATE_LIMIT_PASSWORD_RESET_PER_IP),
    passwordResetPerEmail: new RateLimiter(config.RATE_LIMIT_PASSWORD_RESET_PER_EMAIL),
    confirmationMailPerIp: new RateLimiter(config.RATE_LIMIT_CONFIRMATION_MAIL_PER_IP),
    confirmationMailPerEmail: new RateLimiter(config.RATE_LIMIT_CONFIRMATION_MAIL_PER_EMAIL),
    chatPerCaller: new RateLimiter(config.RATE_LIMIT_CHAT_PER_CALLER),
    reactionsPerCaller: new RateLimiter(config.RATE_LIMIT_REACTIONS_PER_CALLER),
  };
  return limiters[limit];
}

/** Counts one request against a limit (RATE_LIMIT_* in lib/env.ts); over it, a 429 with Retry-After. */
export function enforceRateLimit(limit: Limit, key: string): void {
  const verdict = limiter(limit).take(key);
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds, refusals[limit]);
}
