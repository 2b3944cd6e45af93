// The only place that reads process.env. Validated once, on first use and at server start
// (instrumentation.ts), so a bad variable stops the app with its name and a fix.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./sqlite-url";

const url = (what: string) => z.url({ message: `must be a full URL (${what})` });

/** A rate limit: at most `limit` requests per `windowMs`. */
export type RateSetting = { limit: number; windowMs: number };

const WINDOW_UNITS_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

// Written as "<count>/<window>", e.g. "10/15m": ten per fifteen minutes (units s, m, h).
const rate = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, context): RateSetting => {
      const match = /^\s*(\d{1,9})\s*\/\s*(\d{1,6})\s*([smh])\s*$/.exec(value);
      if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
        context.addIssue({
          code: "custom",
          message: `must be "<count>/<window>" with a window in s, m or h, e.g. "${fallback}"`,
        });
        return z.NEVER;
      }
      return {
        limit: Number(match[1]),
        windowMs: Number(match[2]) * WINDOW_UNITS_MS[match[3] as keyof typeof WINDOW_UNITS_MS],
      };
    });

// How many proxies in front of Parley add themselves to X-Forwarded-For: 0 ("false", the
// default) trusts none and uses the connection's address; "true" means one.
const trustProxy = z
  .string()
  .default("false")
  .transform((value, context) => {
    const normalized = value.trim().toLowerCase();
    if (normalized === "false" || normalized === "") return 0;
    if (normalized === "true") return 1;
    if (/^\d{1,2}$/.test(normalized)) return Number(normalized);
    context.addIssue({
      code: "custom",
      message: 'must be "false", "true" or the number of proxies in front of Parley, e.g. 1',
    });
    return z.NEVER;
  });

// A comma-separated list, trimmed and lower-cased, empty entries dropped.
const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry.length > 0),
  );

const domainList = list.pipe(
  z.array(
    z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
      message: "must be domain names such as example.org, separated by commas",
    }),
  ),
);

// Exported for tools that start the app or describe it (scripts/, tests/support/): the app's
// environment as written is `z.input<typeof envSchema>`.
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .startsWith("file:", { message: 'must be a SQLite file URL such as "file:./data/parley.db"' })
    .default(DEFAULT_DATABASE_URL),
  AUTH_SECRET: z
    .string({
      message:
        "is required: a random string of at least 32 characters (npm run dev generates one in .env.local; or run `openssl rand -base64 32`)",
    })
    .min(32, { message: "must be at least 32 characters (try `openssl rand -base64 32`)" }),
  NEXTAUTH_URL: url("the address people open Parley at, e.g. http://localhost:3000"),
  LIVEKIT_URL: url("how the app reaches the LiveKit server's API, e.g. http://127.0.0.1:7880"),
  LIVEKIT_PUBLIC_URL: url(
    "the LiveKit address browsers connect to, e.g. ws://localhost:7880 or wss://media.example.org",
  ).optional(),
  LIVEKIT_API_KEY: z.string({ message: "is required: the API key configured in livekit.yaml under `keys`" }).min(1),
  LIVEKIT_API_SECRET: z
    .string({ message: "is required: the secret for LIVEKIT_API_KEY in livekit.yaml" })
    .min(32, { message: "must be at least 32 characters (LiveKit rejects shorter secrets)" }),
  ADMIN_EMAILS: list,
  // Who may make an account (lib/accounts/sign-up-policy.ts); the first account always can.
  SIGNUP: z
    .enum(["open", "domains", "invite", "closed"], { message: 'must be "open", "domains", "invite" or "closed"' })
    .default("open"),
  SIGNUP_DOMAINS: domainList,
  // Outgoing mail (lib/mail/): without SMTP_URL, Parley sends none and says so where it matters.
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: 'must be an SMTP URL such as "smtp://user:password@mail.example.org:587" or "smtps://…:465"',
    })
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  TRUST_PROXY: trustProxy,
  RATE_LIMIT_SIGN_IN_PER_EMAIL: rate("10/15m"),
  RATE_LIMIT_SIGN_IN_PER_IP: rate("30/15m"),
  RATE_LIMIT_SIGN_UP_PER_IP: rate("10/1h"),
  RATE_LIMIT_SIGN_UP_PER_EMAIL: rate("5/1h"),
  RATE_LIMIT_JOIN_PER_CALLER: rate("60/1m"),
  RATE_LIMIT_CONNECTION_CHECK_PER_CALLER: rate("10/10m"),
  RATE_LIMIT_JOIN_FAILURE_REPORTS_PER_CALLER: rate("20/10m"),
  // in a meeting, per person: chat messages, and reactions (each one floats over their tile for everyone)
  RATE_LIMIT_CHAT_PER_CALLER: rate("10/10s"),
  RATE_LIMIT_REACTIONS_PER_CALLER: rate("5/5s"),
  // The codec browsers encode cameras with (lib/meetings/join-credentials.ts): VP8 sends three
  // simulcast layers; VP9 and AV1 one stream in scalable layers (a VP8 copy only for a subscriber
  // that cannot decode them); bench:publisher measures what each costs the publisher.
  VIDEO_CODEC: z
    .enum(["vp8", "vp9", "av1", "h264"], { message: 'must be "vp8", "vp9", "av1" or "h264"' })
    .default("vp8"),
  // For tests only: this instance's meeting pages may reach LiveKit through its TURN relay only,
  // as a browser behind a firewall that lets nothing else through would. Off unless set to "1".
  TEST_ONLY_FORCE_TURN_RELAY: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  RATE_LIMIT_PASSWORD_RESET_PER_IP: rate("10/1h"),
  RATE_LIMIT_PASSWORD_RESET_PER_EMAIL: rate("3/1h"),
  RATE_LIMIT_CONFIRMATION_MAIL_PER_IP: rate("10/1h"),
  RATE_LIMIT_CONFIRMATION_MAIL_PER_EMAIL: rate("3/1h"),
  // Single sign-on with an OpenID Connect provider (lib/sso/): on when SSO_ISSUER is set.
  SSO_ISSUER: z
    .url({ message: "must be the provider's issuer URL, e.g. https://sso.example.org/realms/staff" })
    .refine((value) => value.startsWith("https://") || isLoopbackUrl(value), {
      message:
        "must be an https:// URL (plain http only for a provider on this machine: localhost, 127.x.x.x or [::1])",
    })
    .optional(),
  SSO_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  SSO_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  SSO_LABEL: z.string().trim().min(1).max(60).default("Sign in with single sign-on"),
  SSO_SCOPES: z
    .string()
    .trim()
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, {
      message: 'must be scopes separated by spaces, e.g. "openid email profile groups"',
    })
    .refine((value) => value.split(" ").includes("openid"), { message: 'must include "openid"' })
    .default("openid email profile"),
  SSO_GROUPS_CLAIM: z.string().trim().min(1).max(200).default("groups"),
  SSO_ADMIN_GROUP: z.string().trim().min(1).max(500).optional(),
  // "off": accounts sign in through SSO only (the password forms and API refuse).
  PASSWORD_SIGN_IN: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  // Recording (lib/recordings/, recorder/): on when RECORDER_URL is set. The recorder service
  // listens on loopback and holds the same secret; it writes under RECORDINGS_DIR, which the app
  // reads (composes with ffmpeg, serves to those who may watch).
  RECORDER_URL: url("where the app reaches parley-recorder, e.g. http://127.0.0.1:7890").optional(),
  RECORDER_SECRET: z
    .string()
    .min(32, { message: "must be at least 32 characters, the same as the recorder's RECORDER_SECRET" })
    .optional(),
  RECORDINGS_DIR: z.string().trim().min(1).default("data/recordings"),
  // Recordings older than this many days are deleted (unset: kept until deleted by hand).
  RECORDINGS_RETENTION_DAYS: z
    .string()
    .regex(/^\d{1,5}$/, { message: "must be a whole number of days, e.g. 90" })
    .transform(Number)
    .pipe(z.number().min(1, { message: "must be at least 1 (leave it unset to keep recordings)" }))
    .optional(),
  FFMPEG_PATH: z.string().trim().min(1).default("/usr/bin/ffmpeg"),
});

export type Env = z.infer<typeof envSchema> & { LIVEKIT_PUBLIC_URL: string };

/** This machine: localhost, [::1] or any address of 127.0.0.0/8 (all of it is loopback). */
function isLoopbackUrl(value: string): boolean {
  const host = new URL(value).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** What no single variable's schema can see: settings that only make sense together. */
function crossChecks(parsed: z.infer<typeof envSchema>): string[] {
  const issues: string[] = [];
  if (parsed.SIGNUP === "domains" && parsed.SIGNUP_DOMAINS.length === 0) {
    issues.push(
      "SIGNUP_DOMAINS is required with SIGNUP=domains: the email domains that may sign up, e.g. example.org,example.com",
    );
  }
  if (parsed.SMTP_URL && !parsed.MAIL_FROM)
    issues.push(
      'MAIL_FROM is required with SMTP_URL: the sender of Parley\'s mail, e.g. "Parley <parley@example.org>"',
    );
  const ssoSettings = ["SSO_ISSUER", "SSO_CLIENT_ID", "SSO_CLIENT_SECRET"] as const;
  const ssoGiven = ssoSettings.filter((name) => parsed[name] !== undefined);
  if (ssoGiven.length > 0 && ssoGiven.length < ssoSettings.length)
    issues.push(
      `${ssoSettings.filter((name) => parsed[name] === undefined).join(", ")} required for single sign-on (with ${ssoGiven.join(", ")}): the provider's issuer URL, and the client id and secret registered there`,
    );
  if (parsed.PASSWORD_SIGN_IN === "off" && !parsed.SSO_ISSUER)
    issues.push(
      "PASSWORD_SIGN_IN=off needs single sign-on (SSO_ISSUER, SSO_CLIENT_ID, SSO_CLIENT_SECRET): nobody could sign in",
    );
  if (Boolean(parsed.RECORDER_URL) !== Boolean(parsed.RECORDER_SECRET))
    issues.push(
      "RECORDER_URL and RECORDER_SECRET go together: where parley-recorder listens, and the secret it was started with",
    );
  return issues;
}

export class EnvError extends Error {
  constructor(issues: string[]) {
    super(
      `Parley cannot start: its configuration is invalid.\n${issues.map((line) => `  - ${line}`).join("\n")}\n` +
        "Set these in .env.local (development) or the environment (production); see README.md, section Configuration.",
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value is no value: docker compose passes `${SMTP_URL:-}` as "" when .env lacks it.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(given);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${String(issue.path[0] ?? "environment")} ${issue.message}`),
    );
  }
  const parsed = result.data;
  const issues = crossChecks(parsed);
  if (issues.length) throw new EnvError(issues);
  return {
    ...parsed,
    // Browsers reach LiveKit over WebSocket; by default at the same host as the API.
    LIVEKIT_PUBLIC_URL: parsed.LIVEKIT_PUBLIC_URL ?? parsed.LIVEKIT_URL.replace(/^http/, "ws"),
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
