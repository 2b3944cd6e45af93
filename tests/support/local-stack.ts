// The stacks tests and benchmarks run against: livekit-server and the production build
// (`next start`) on 127.0.0.1, each app with a database of its own. Each part is described first
// (localLiveKit, localApp), so that the description can be handed to whoever starts it, now or
// later (scripts/test.ts writes it down for tests/e2e/restartable-stack.ts). The processes are
// started by scripts/lib/stack.ts, the same code `npm run dev` uses.
import { randomBytes } from "node:crypto";
import { copyEffectAssets } from "../../scripts/lib/effect-assets";
import type { LocalLiveKit } from "../../scripts/lib/livekit-config";
import { run, type Managed } from "../../scripts/lib/processes";
import { migrate, startLiveKit, startNext, type AppEnv } from "../../scripts/lib/stack";
import type { AppInstance, LiveKitInstance } from "./config";

export type { Managed };

// The limiters still run on every request; their limits are raised because tests and benchmarks
// sign up and in hundreds of times, all from 127.0.0.1.
const UNREACHABLE_RATE_LIMITS = {
  RATE_LIMIT_SIGN_IN_PER_EMAIL: "1000000/1m",
  RATE_LIMIT_SIGN_IN_PER_IP: "1000000/1m",
  RATE_LIMIT_SIGN_UP_PER_IP: "1000000/1m",
  RATE_LIMIT_SIGN_UP_PER_EMAIL: "1000000/1m",
  RATE_LIMIT_JOIN_PER_CALLER: "1000000/1m",
  RATE_LIMIT_CONNECTION_CHECK_PER_CALLER: "1000000/1m",
  RATE_LIMIT_JOIN_FAILURE_REPORTS_PER_CALLER: "1000000/1m",
  RATE_LIMIT_PASSWORD_RESET_PER_IP: "1000000/1m",
  RATE_LIMIT_PASSWORD_RESET_PER_EMAIL: "1000000/1m",
  RATE_LIMIT_CONFIRMATION_MAIL_PER_IP: "1000000/1m",
  RATE_LIMIT_CONFIRMATION_MAIL_PER_EMAIL: "1000000/1m",
};

export const newSecret = () => randomBytes(32).toString("base64url");

export const localUrl = (port: number) => `http://127.0.0.1:${port}`;

/** A livekit-server with a fresh secret, sending its webhooks to the apps at `webhookApps`. */
export function localLiveKit(
  ports: LocalLiveKit,
  options: { key: string; webhookApps: string[]; logFile: string },
): LiveKitInstance {
  return { ports, key: options.key, secret: newSecret(), webhookApps: options.webhookApps, logFile: options.logFile };
}

/**
 * An app at 127.0.0.1:`port` using `livekit` (whether or not it is running): quiet logs, and rate
 * limits nobody reaches unless `env` sets others.
 */
export function localApp(options: {
  port: number;
  databaseFile: string;
  authSecret: string;
  livekit: LiveKitInstance;
  logFile: string;
  env?: Partial<AppEnv>;
}): AppInstance {
  const { port, databaseFile, authSecret, livekit, logFile } = options;
  return {
    port,
    logFile,
    env: {
      DATABASE_URL: `file:${databaseFile}`,
      AUTH_SECRET: authSecret,
      NEXTAUTH_URL: localUrl(port),
      LIVEKIT_URL: localUrl(livekit.ports.port),
      LIVEKIT_PUBLIC_URL: `ws://127.0.0.1:${livekit.ports.port}`,
      LIVEKIT_API_KEY: livekit.key,
      LIVEKIT_API_SECRET: livekit.secret,
      LOG_LEVEL: "warn",
      ...UNREACHABLE_RATE_LIMITS,
      ...options.env,
    },
  };
}

/**
 * `next build`, for `next start` (with the assets `npm run build` copies first). `typesChecked`:
 * tsc has just passed over the whole project, so the build skips its own check.
 */
export function buildApp({ typesChecked = false }: { typesChecked?: boolean } = {}): void {
  copyEffectAssets();
  const env = { NEXT_TELEMETRY_DISABLED: "1", ...(typesChecked ? { PARLEY_TYPES_CHECKED: "1" } : {}) };
  if (run("node_modules/.bin/next", ["build"], env) !== 0) throw new Error("next build failed; see the output above.");
}

/** Applies the database migrations to the app's database. */
export const migrateApp = (app: AppInstance) => migrate(app.env);

/**
 * Serves the build as in production; `nodeArgs` (e.g. ["--cpu-prof"]) are for profiling, `wrapper`
 * a command to start it through.
 */
export const startApp = (app: AppInstance, options: { nodeArgs?: string[]; wrapper?: string[] } = {}) =>
  startNext("start", app.port, app.env, { logFile: app.logFile, ...options });

export const startLiveKitServer = (livekit: LiveKitInstance): Promise<Managed> =>
  startLiveKit(livekit.ports, livekit.key, livekit.secret, livekit.webhookApps, livekit.logFile);
