// The stack every benchmark runs against: a production build served by `next start`, a real
// livekit-server and a fresh SQLite file, on loopback, on ports of its own (app 3500, LiveKit
// 8190-8192; PARLEY_BENCH_PORT_OFFSET shifts them). Logs and the database go to bench/results/.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { harnessSettings } from "../../tests/support/config";
import {
  buildApp,
  localApp,
  localLiveKit,
  localUrl,
  migrateApp,
  newSecret,
  startApp,
  startLiveKitServer,
  type Managed,
} from "../../tests/support/local-stack";

const OFFSET = harnessSettings().PARLEY_BENCH_PORT_OFFSET;
const BENCH_APP_PORT = 3500 + OFFSET;
const BENCH_LIVEKIT = { port: 8190 + OFFSET, rtcTcpPort: 8191 + OFFSET, rtcUdpPort: 8192 + OFFSET };
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
  buildApp();
}

async function startBenchStack(): Promise<BenchStack> {
  rmSync(STACK_DIR, { recursive: true, force: true });
  mkdirSync(STACK_DIR, { recursive: true });
  const appUrl = localUrl(BENCH_APP_PORT);
  const livekitServer = localLiveKit(BENCH_LIVEKIT, {
    key: "benchkey",
    webhookApps: [appUrl],
    logFile: `${STACK_DIR}/livekit.log`,
  });
  const described = localApp({
    port: BENCH_APP_PORT,
    databaseFile: `./${STACK_DIR}/parley.db`,
    authSecret: newSecret(),
    livekit: livekitServer,
    logFile: `${STACK_DIR}/app.log`,
  });
  console.log(`=== starting livekit-server (:${BENCH_LIVEKIT.port}) and next start (:${BENCH_APP_PORT}) ===`);
  migrateApp(described);
  const livekit = await startLiveKitServer(livekitServer);
  let app: Managed;
  try {
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/results/profiles" profiles the app.
    app = await startApp(described, harnessSettings().BENCH_APP_NODE_ARGS);
  } catch (error) {
    await livekit.stop();
    throw error;
  }
  const stack: BenchStack = {
    appUrl,
    livekit: {
      url: described.env.LIVEKIT_URL,
      wsUrl: described.env.LIVEKIT_PUBLIC_URL!,
      key: livekitServer.key,
      secret: livekitServer.secret,
    },
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
