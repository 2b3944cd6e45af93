// The stack every benchmark runs against: a production build served by `next start`, a real
// livekit-server and a fresh SQLite file, on loopback, on ports of its own (app 3500, LiveKit
// 8190-8199, TURN relays 45000-45099; PARLEY_BENCH_PORT_OFFSET shifts them). Logs and the
// database go to bench/results/. Options for bench:capacity: LiveKit's TURN relay switched on, and
// LiveKit on two nodes sharing a Redis (as docs/scaling.md describes). bench:recorder adds
// parley-recorder on 8198.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import type { LocalLiveKit } from "../../scripts/lib/livekit-config";
import type { AppEnv } from "../../scripts/lib/stack";
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
import { startRedis } from "../../tests/support/redis";
import { inspectArg } from "./heap";

const OFFSET = harnessSettings().PARLEY_BENCH_PORT_OFFSET;
const BENCH_APP_PORT = 3500 + OFFSET;
const BENCH_LIVEKIT = { port: 8190 + OFFSET, rtcTcpPort: 8191 + OFFSET, rtcUdpPort: 8192 + OFFSET };
// The second node of a two-node cluster, and the Redis the two share.
const BENCH_LIVEKIT_B = { port: 8194 + OFFSET, rtcTcpPort: 8195 + OFFSET, rtcUdpPort: 8196 + OFFSET };
const BENCH_REDIS_PORT = 8199 + OFFSET;
/** Where the app's inspector listens when a benchmark asks for it (`inspectApp`). */
export const BENCH_APP_INSPECTOR_PORT = 3501 + OFFSET;
/** Where bench:recorder starts parley-recorder. */
export const BENCH_RECORDER_PORT = 8198 + OFFSET;
const TURN_A = { udpPort: 8193 + OFFSET, relayPorts: [45000 + OFFSET, 45049 + OFFSET] as [number, number] };
const TURN_B = { udpPort: 8197 + OFFSET, relayPorts: [45050 + OFFSET, 45099 + OFFSET] as [number, number] };

/**
 * `turn`: LiveKit's TURN relay on (UDP, on loopback). `nodes: 2`: LiveKit's multi-node mode with
 * Redis. `appEnv`: settings of the app's own (e.g. VIDEO_CODEC). `inspectApp`: the app's inspector
 * on BENCH_APP_INSPECTOR_PORT (to read its live heap, bench/lib/heap.ts).
 */
export type BenchStackOptions = { turn?: boolean; nodes?: 1 | 2; appEnv?: Partial<AppEnv>; inspectApp?: boolean };
export const RESULTS_DIR = "bench/results";
const STACK_DIR = `${RESULTS_DIR}/stack`;

export type BenchStack = {
  appUrl: string;
  /** `wsUrl` is the node the app hands browsers; `secondWsUrl` the other node, with two. */
  livekit: { url: string; wsUrl: string; secondWsUrl?: string; key: string; secret: string };
  processes: { livekit: Managed; app: Managed; secondLivekit: Managed | undefined; redis: Managed | undefined };
  /** livekit-server's log, one per node. */
  logFiles: { livekit: string[] };
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

async function startBenchStack({
  turn = false,
  nodes = 1,
  appEnv = {},
  inspectApp = false,
}: BenchStackOptions): Promise<BenchStack> {
  rmSync(STACK_DIR, { recursive: true, force: true });
  mkdirSync(STACK_DIR, { recursive: true });
  const appUrl = localUrl(BENCH_APP_PORT);
  const redis = nodes === 2 ? `127.0.0.1:${BENCH_REDIS_PORT}` : undefined;
  const node = (ports: LocalLiveKit, relay: typeof TURN_A, logFile: string) =>
    localLiveKit(
      { ...ports, ...(turn ? { turn: relay } : {}), ...(redis ? { redis } : {}) },
      {
        key: "benchkey",
        webhookApps: [appUrl],
        logFile: `${STACK_DIR}/${logFile}`,
      },
    );
  const livekitServer = node(BENCH_LIVEKIT, TURN_A, "livekit.log");
  // The nodes of one cluster share the key and its secret.
  const secondServer =
    nodes === 2 ? { ...node(BENCH_LIVEKIT_B, TURN_B, "livekit-b.log"), secret: livekitServer.secret } : undefined;
  const described = localApp({
    port: BENCH_APP_PORT,
    databaseFile: `./${STACK_DIR}/parley.db`,
    authSecret: newSecret(),
    livekit: livekitServer,
    logFile: `${STACK_DIR}/app.log`,
    env: appEnv,
  });
  const shape = [
    turn ? "TURN on" : "",
    nodes === 2 ? `second node :${BENCH_LIVEKIT_B.port}, Redis :${BENCH_REDIS_PORT}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  console.log(
    `=== starting livekit-server (:${BENCH_LIVEKIT.port}${shape ? `; ${shape}` : ""}) and next start (:${BENCH_APP_PORT}) ===`,
  );
  migrateApp(described);
  const started: Managed[] = [];
  const stopAll = async () => {
    for (const managed of [...started].reverse()) await managed.stop();
  };
  try {
    const redisProcess = redis ? await startRedis(BENCH_REDIS_PORT, `${STACK_DIR}/redis.log`) : undefined;
    if (redisProcess) started.push(redisProcess);
    const livekit = await startLiveKitServer(livekitServer);
    started.push(livekit);
    const secondLivekit = secondServer ? await startLiveKitServer(secondServer) : undefined;
    if (secondLivekit) started.push(secondLivekit);
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/results/profiles" profiles the app.
    const nodeArgs = [
      ...harnessSettings().BENCH_APP_NODE_ARGS,
      ...(inspectApp ? [inspectArg(BENCH_APP_INSPECTOR_PORT)] : []),
    ];
    const app = await startApp(described, { nodeArgs });
    started.push(app);
    const stack: BenchStack = {
      appUrl,
      livekit: {
        url: described.env.LIVEKIT_URL,
        wsUrl: described.env.LIVEKIT_PUBLIC_URL!,
        ...(secondServer ? { secondWsUrl: `ws://127.0.0.1:${secondServer.ports.port}` } : {}),
        key: livekitServer.key,
        secret: livekitServer.secret,
      },
      processes: { livekit, app, secondLivekit, redis: redisProcess },
      logFiles: { livekit: [livekitServer, ...(secondServer ? [secondServer] : [])].map((server) => server.logFile) },
      stop: stopAll,
    };
    const onSignal = () => void stack.stop().then(() => process.exit(130));
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    return stack;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Runs `body` against a fresh stack and always stops the stack afterwards. */
export async function withBenchStack(
  body: (stack: BenchStack) => Promise<void>,
  options: BenchStackOptions = {},
): Promise<void> {
  buildIfAsked();
  const stack = await startBenchStack(options);
  try {
    await body(stack);
  } finally {
    await stack.stop();
  }
}
