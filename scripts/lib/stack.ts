// A whole local Parley: livekit-server, the database migrated, and Next.js. The one copy that
// `npm run dev`, the test stack and the benchmarks' stacks (tests/support/local-stack.ts) start.
import type { z } from "zod";
import type { envSchema } from "../../lib/env";
import { findOrInstallLiveKitServer, liveKitServerVersion } from "./livekit-server";
import { localLiveKitConfig, type LocalLiveKit } from "./livekit-config";
import { run, start, waitForHttp, type Managed } from "./processes";

/** The app's environment as a child process is given it: strings, before lib/env.ts parses them. */
export type AppEnv = z.input<typeof envSchema>;

const bin = (name: string) => `node_modules/.bin/${name}`;

const webhookUrl = (appUrl: string) => `${appUrl}/api/livekit/webhook`;

/** Starts livekit-server; its webhooks go to the apps at `appUrls`. */
export async function startLiveKit(
  ports: LocalLiveKit,
  key: string,
  secret: string,
  appUrls: string[],
  logFile?: string,
): Promise<Managed> {
  const server = findOrInstallLiveKitServer();
  const config = localLiveKitConfig(
    ports,
    { apiKey: key, urls: appUrls.map(webhookUrl) },
    liveKitServerVersion(server),
  );
  const proc = start("livekit-server", server, ["--config-body", config], {
    env: { LIVEKIT_KEYS: `${key}: ${secret}` },
    logFile,
  });
  await waitForHttp(`http://127.0.0.1:${ports.port}/`, proc, 30_000);
  return proc;
}

export function migrate(env: AppEnv): void {
  if (run(bin("prisma"), ["migrate", "deploy"], { ...env }) !== 0) {
    throw new Error("Applying database migrations failed; see the output above.");
  }
}

/**
 * Node.js options the production server runs with (`npm start` in package.json says the same; a
 * unit test holds them together). A young generation of 32 MB instead of 16 collects half as
 * often: under load the pages' p99 fell by a quarter to a third. An old generation allowed to
 * reach 256 MB before V8 sizes it by what survives: full collections, whose pauses set the pages'
 * p99, came every 70-90 s instead of every 5-15 s (the live heap is about 80 MB), for up to about
 * 100 MB more resident memory between them (docs/benchmarks.md, capacity).
 */
export const APP_NODE_ARGS = ["--max-semi-space-size=32", "--initial-old-space-size=256"];

/** `next start` runs as in production (APP_NODE_ARGS); `options.nodeArgs` (e.g. ["--cpu-prof"]) are for profiling, `options.wrapper` a command to start it through. */
export async function startNext(
  mode: "dev" | "start",
  port: number,
  env: AppEnv,
  options: { logFile?: string; nodeArgs?: string[]; wrapper?: string[] } = {},
): Promise<Managed> {
  const { logFile, nodeArgs: extraNodeArgs = [], wrapper } = options;
  const nextArgs = [mode, "--hostname", "127.0.0.1", "--port", String(port)];
  const nodeArgs = [...(mode === "start" ? APP_NODE_ARGS : []), ...extraNodeArgs];
  const [command, args] = nodeArgs.length
    ? [process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", ...nextArgs]]
    : [bin("next"), nextArgs];
  const proc = start("next", command, args, {
    env: { ...env, NODE_ENV: mode === "dev" ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
    logFile,
    wrapper,
  });
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, proc, mode === "dev" ? 180_000 : 60_000);
  return proc;
}

/** Stops everything on Ctrl-C or SIGTERM, newest first. */
export function stopAllOnSignal(processes: Managed[]): void {
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    for (const proc of [...processes].reverse()) await proc.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stopAll());
  process.on("SIGTERM", () => void stopAll());
  for (const proc of processes) {
    proc.child.once("exit", (code) => {
      if (stopping) return;
      console.error(`${proc.name} stopped unexpectedly (exit ${code}); shutting down.`);
      void stopAll().then(() => process.exit(1));
    });
  }
}
