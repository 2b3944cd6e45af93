// The stack every benchmark runs against: a production build served by `next start`, a real
// livekit-server and a fresh SQLite file, on loopback, on ports of its own (app 3500, LiveKit
// 8190-8192; PARLEY_BENCH_PORT_OFFSET shifts them). Logs and the database go to bench/results/.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { HttpClient } from "../../tests/support/http-client";
import type { LocalLiveKit } from "../../scripts/lib/livekit-config";
import { run, type Managed } from "../../scripts/lib/processes";
import { migrate, startLiveKit, startNext, type AppEnv } from "../../scripts/lib/stack";

const OFFSET = Number(process.env.PARLEY_BENCH_PORT_OFFSET ?? 0);
export const BENCH_APP_PORT = 3500 + OFFSET;
const BENCH_LIVEKIT: LocalLiveKit = { port: 8190 + OFFSET, rtcTcpPort: 8191 + OFFSET, rtcUdpPort: 8192 + OFFSET };
export const RESULTS_DIR = "bench/results";
const STACK_DIR = `${RESULTS_DIR}/stack`;

export type BenchStack = {
  appUrl: string;
  livekit: { url: string; wsUrl: string; key: string; secret: string };
  processes: { livekit: Managed; app: Managed };
  stop: () => Promise<void>;
};

/** `--no-build` reuses the build in .next (for re-running quickly); by default it builds first. */
export function buildIfAsked(argv = process.argv): void {
  if (argv.includes("--no-build") && existsSync(".next/BUILD_ID")) {
    console.log("Using the existing production build in .next (--no-build).");
    return;
  }
  console.log("=== next build ===");
  if (run("node_modules/.bin/next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" }) !== 0) throw new Error("next build failed; see the output above.");
}

/** The app's environment in a benchmark: fresh secrets, quiet logs, limits no benchmark reaches. */
export function benchAppEnv(stack: { databaseUrl: string; appUrl: string; livekitPort: number; key: string; secret: string }): AppEnv {
  return {
    DATABASE_URL: stack.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: stack.appUrl,
    LIVEKIT_URL: `http://127.0.0.1:${stack.livekitPort}`,
    LIVEKIT_PUBLIC_URL: `ws://127.0.0.1:${stack.livekitPort}`,
    LIVEKIT_API_KEY: stack.key,
    LIVEKIT_API_SECRET: stack.secret,
    LOG_LEVEL: "warn",
    // The limiters still run on every request; their limits are raised because each benchmark
    // client stands for many people, all from 127.0.0.1.
    RATE_LIMIT_SIGN_IN_PER_EMAIL: "1000000/1m",
    RATE_LIMIT_SIGN_IN_PER_IP: "1000000/1m",
    RATE_LIMIT_SIGN_UP_PER_IP: "1000000/1m",
    RATE_LIMIT_SIGN_UP_PER_EMAIL: "1000000/1m",
    RATE_LIMIT_JOIN_PER_CALLER: "1000000/1m",
  };
}

export async function startBenchStack(): Promise<BenchStack> {
  rmSync(STACK_DIR, { recursive: true, force: true });
  mkdirSync(STACK_DIR, { recursive: true });
  const key = "benchkey";
  const secret = randomBytes(32).toString("base64url");
  const appUrl = `http://127.0.0.1:${BENCH_APP_PORT}`;
  const env = benchAppEnv({ databaseUrl: `file:./${STACK_DIR}/parley.db`, appUrl, livekitPort: BENCH_LIVEKIT.port, key, secret });
  console.log(`=== starting livekit-server (:${BENCH_LIVEKIT.port}) and next start (:${BENCH_APP_PORT}) ===`);
  migrate(env);
  const livekit = await startLiveKit(BENCH_LIVEKIT, key, secret, [appUrl], `${STACK_DIR}/livekit.log`);
  let app: Managed;
  try {
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/results/profiles" profiles the app.
    const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean);
    app = await startNext("start", BENCH_APP_PORT, env, `${STACK_DIR}/app.log`, nodeArgs);
  } catch (error) {
    await livekit.stop();
    throw error;
  }
  const stack: BenchStack = {
    appUrl,
    livekit: { url: env.LIVEKIT_URL, wsUrl: env.LIVEKIT_PUBLIC_URL!, key, secret },
    processes: { livekit, app },
    stop: async () => {
      await app.stop();
      await livekit.stop();
    },
  };
  const onSignal = () => void stack.stop().then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return stack;
}

export type SignedIn = { client: HttpClient; person: { name: string; email: string; password: string }; sessionCookie: string };

let people = 0;

/** A new account, signed in the way a browser is (next-auth's credentials flow). */
export async function signedInUser(appUrl: string, label = "bench"): Promise<SignedIn> {
  people += 1;
  const person = { name: `${label} ${people}`, email: `${label}-${people}-${Date.now().toString(36)}@example.org`, password: "correct horse battery" };
  const client = new HttpClient(appUrl);
  await client.signUp(person);
  return { client, person, sessionCookie: client.cookieHeader() };
}

/** Runs `body` against a fresh stack and always stops the stack afterwards. */
export async function withBenchStack(body: (stack: BenchStack) => Promise<void>): Promise<void> {
  buildIfAsked();
  const stack = await startBenchStack();
  try {
    await body(stack);
  } finally {
    await stack.stop();
  }
}
