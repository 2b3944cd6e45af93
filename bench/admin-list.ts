// npm run bench:admin-list [-- --requests 200 --livekit-server]
// Latency of GET /api/admin/rooms on a production build over 10,000 rooms and 100,000 attendance
// rows: a fresh database is migrated and seeded, the app is started with `next start`, the seeded
// admin signs in, and each case is requested sequentially, then from 4 clients at once.
// Builds the app first when .next is missing or older than the sources. Prints a table and
// writes bench/results/admin-list.json.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { errorMessage } from "../lib/error-message";
import { HttpClient } from "../tests/support/http-client";
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
} from "../tests/support/local-stack";
import { BENCH_SEARCH_WORD, seedAdminBench, BENCH_ADMIN, type AdminBenchSummary } from "./lib/admin-bench-seed";
import { startLiveKitStandIn } from "./lib/livekit-stand-in";

const APP_PORT = 3400;
const LIVEKIT = { port: 7990, rtcTcpPort: 7991, rtcUdpPort: 7992 };
const RESULTS = path.resolve("bench", "results");
const DATABASE = path.join(RESULTS, "admin-list.db");
const WARM_UP = 20;
const CLIENTS = 4;
const TARGET_P99_MS = 50;

const { values: options } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    // A real livekit-server instead of the stand-in: nobody is connected to it, so the app's
    // first reconciliation ends the seeded meetings and `status=live` finds nothing.
    "livekit-server": { type: "boolean", default: false },
  },
});
const REQUESTS = Number(options.requests);

const CASES = [
  { name: "first page", query: "page=1" },
  { name: `search "${BENCH_SEARCH_WORD}"`, query: `q=${BENCH_SEARCH_WORD}` },
  { name: "deep page 380", query: "page=380&perPage=25" },
  { name: "status=live", query: "status=live" },
] as const;

type Figures = { requests: number; median: number; p90: number; p99: number; max: number; mean: number };

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: sorted.length,
    median: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1]!),
    mean: round(sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length),
  };
}

// Sources whose change makes a new production build necessary.
const BUILD_INPUTS = ["app", "lib", "instrumentation.ts", "next.config.ts", "package-lock.json", "tsconfig.json"];

function newestSourceChange(): number {
  let newest = 0;
  for (const input of BUILD_INPUTS) {
    if (!existsSync(input)) continue;
    const files = statSync(input).isDirectory()
      ? readdirSync(input, { recursive: true, encoding: "utf8" }).map((file) => path.join(input, file))
      : [input];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const buildId = path.join(".next", "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceChange()) {
    console.log("Production build in .next is up to date.");
    return;
  }
  console.log("Building the app (next build)...");
  buildApp();
}

async function timed(client: HttpClient, url: string): Promise<number> {
  const started = performance.now();
  const response = await client.request(url);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return elapsed;
}

async function sequential(client: HttpClient, url: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) samples.push(await timed(client, url));
  return samples;
}

async function concurrent(client: HttpClient, url: string): Promise<{ samples: number[]; perSecond: number }> {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < REQUESTS / CLIENTS; i += 1) samples.push(await timed(client, url));
    }),
  );
  return { samples, perSecond: Math.round((samples.length / (performance.now() - started)) * 1000) };
}

const running: Managed[] = [];
let standIn: Server | undefined;

async function stopAll(): Promise<void> {
  for (const proc of running.reverse()) await proc.stop();
  running.length = 0;
  await new Promise((resolve) => (standIn ? standIn.close(resolve) : resolve(undefined)));
  standIn = undefined;
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  buildIfStale();

  for (const suffix of ["", "-wal", "-shm"]) rmSync(DATABASE + suffix, { force: true });
  const appUrl = localUrl(APP_PORT);
  const livekitServer = localLiveKit(LIVEKIT, {
    key: "benchkey",
    webhookApps: [appUrl],
    logFile: path.join(RESULTS, "admin-list-livekit.log"),
  });
  const app = localApp({
    port: APP_PORT,
    databaseFile: DATABASE,
    authSecret: newSecret(),
    livekit: livekitServer,
    logFile: path.join(RESULTS, "admin-list-app.log"),
  });
  migrateApp(app);
  const seedStarted = performance.now();
  const dataset: AdminBenchSummary = await seedAdminBench(DATABASE);
  console.log(`Seeded in ${Math.round(performance.now() - seedStarted)} ms:`, dataset);

  let livekit: string;
  if (options["livekit-server"]) {
    running.push(await startLiveKitServer(livekitServer));
    livekit = "livekit-server, nobody connected";
  } else {
    const started = await startLiveKitStandIn(DATABASE, LIVEKIT.port);
    standIn = started.server;
    livekit = `stand-in reporting ${started.rooms} live rooms, ${started.participants} participants`;
  }
  console.log(`LiveKit: ${livekit}`);
  running.push(await startApp(app));

  const client = new HttpClient(appUrl);
  if (!(await client.signIn(BENCH_ADMIN.email, BENCH_ADMIN.password)))
    throw new Error(`Signing in as ${BENCH_ADMIN.email} failed.`);

  const loadBefore = loadavg();
  const results = [];
  for (const { name, query } of CASES) {
    const url = `/api/admin/rooms?${query}`;
    const first = (await (await client.request(url)).json()) as { total: number; rooms: unknown[] };
    for (let i = 0; i < WARM_UP; i += 1) await timed(client, url);
    const alone = figures(await sequential(client, url));
    const together = await concurrent(client, url);
    results.push({
      case: name,
      url,
      total: first.total,
      rows: first.rooms.length,
      sequential: alone,
      concurrent: { clients: CLIENTS, perSecond: together.perSecond, ...figures(together.samples) },
    });
    console.log(`${name}: ${first.total} rooms match, ${first.rooms.length} on the page`);
  }
  const loadAfter = loadavg();

  const row = (cells: (string | number)[]) =>
    cells.map((cell, i) => (i === 0 ? String(cell).padEnd(16) : String(cell).padStart(8))).join(" ");
  console.log(`\nGET /api/admin/rooms, ${REQUESTS} requests per case after ${WARM_UP} warm-up; milliseconds`);
  console.log(row(["case", "median", "p90", "p99", "max", `${CLIENTS}x med`, `${CLIENTS}x p99`, `${CLIENTS}x req/s`]));
  for (const r of results) {
    console.log(
      row([
        r.case,
        r.sequential.median,
        r.sequential.p90,
        r.sequential.p99,
        r.sequential.max,
        r.concurrent.median,
        r.concurrent.p99,
        r.concurrent.perSecond,
      ]),
    );
  }
  const worst = Math.max(...results.map((r) => r.sequential.p99));
  console.log(
    `\nTarget: sequential p99 under ${TARGET_P99_MS} ms: ${worst < TARGET_P99_MS ? "met" : "NOT met"} (worst p99 ${worst} ms).`,
  );
  console.log(`Load average (1 min) before ${loadBefore[0]!.toFixed(2)}, after ${loadAfter[0]!.toFixed(2)}.`);

  const output = path.join(RESULTS, "admin-list.json");
  writeFileSync(
    output,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGiB: Math.round(totalmem() / 2 ** 30),
          loadAverageBefore: loadBefore,
          loadAverageAfter: loadAfter,
        },
        node: process.version,
        livekit,
        dataset,
        requestsPerCase: REQUESTS,
        warmUp: WARM_UP,
        targetP99Ms: TARGET_P99_MS,
        met: worst < TARGET_P99_MS,
        cases: results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), output)}.`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void stopAll().then(() => process.exit(130)));
}

// Should stopping fail too, Node reports the unhandled rejection and exits non-zero.
void main()
  .then(() => 0)
  .catch((error: unknown) => {
    console.error(errorMessage(error));
    return 1;
  })
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  });
