// The only place that reads process.env. Validated once, on first use and at server start
// (instrumentation.ts), so a bad variable stops the app with its name and a fix.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./sqlite-url";

const url = (what: string) =>
  z.url({ message: `must be a full URL (${what})` });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .startsWith("file:", { message: 'must be a SQLite file URL such as "file:./data/parley.db"' })
    .default(DEFAULT_DATABASE_URL),
  AUTH_SECRET: z
    .string({ message: "is required: a random string of at least 32 characters (npm run dev generates one in .env.local; or run `openssl rand -base64 32`)" })
    .min(32, { message: "must be at least 32 characters (try `openssl rand -base64 32`)" }),
  NEXTAUTH_URL: url("the address people open Parley at, e.g. http://localhost:3000"),
  LIVEKIT_URL: url("how the app reaches the LiveKit server's API, e.g. http://127.0.0.1:7880"),
  LIVEKIT_PUBLIC_URL: url("the LiveKit address browsers connect to, e.g. ws://localhost:7880 or wss://media.example.org").optional(),
  LIVEKIT_API_KEY: z.string({ message: "is required: the API key configured in livekit.yaml under `keys`" }).min(1),
  LIVEKIT_API_SECRET: z
    .string({ message: "is required: the secret for LIVEKIT_API_KEY in livekit.yaml" })
    .min(32, { message: "must be at least 32 characters (LiveKit rejects shorter secrets)" }),
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((email) => email.trim().toLowerCase())
        .filter((email) => email.length > 0),
    ),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof schema> & { LIVEKIT_PUBLIC_URL: string };

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
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
    );
  }
  const parsed = result.data;
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
