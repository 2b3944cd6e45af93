// npm run bench:capacity — how many publishers and subscribers one room sustains on this machine
// while the app keeps answering in under 100 ms (p99). Simulated participants come from the
// LiveKit CLI's `lk load-test` when it is installed (PATH or ~/go/bin), otherwise from
// bench/loadtest (parley-loadtest: the same kind of simulated clients, built from the LiveKit Go
// SDK with `go build`). Two series, each stepped up until a step fails:
//   presenter: 1 publisher (video + audio) and more and more subscribers
//   meeting:   N publishers (video + audio) and N subscribers
// During each step's steady state, a steady trickle of requests goes to the meeting page, the home
// page and the token route (as signed-in members), each at random moments as independent visitors
// would arrive (bench/lib/visitor-probe.ts), and their latency is recorded.
// The media holds at a step when every participant connected and every subscriber received every
// track with under 2% packet loss (parley-loadtest; lk: its exit status and errors); the app holds
// when each route's p99 is under 100 ms with no errors. A series goes on while the media holds, so
// both limits show: the room size sustained with the app under 100 ms p99 (the figure asked for)
// and the room size where the media itself fails. A first step with nobody in the room gives the
// app's own p99 on this machine. CPU (cores) of livekit-server, the app and the load generator is
// read from /proc over the same window.
// What the media server's other shapes cost (docs/scaling.md), each with the same series:
//   --turn      LiveKit's TURN relay switched on (clients may use it; here they connect directly)
//   --relay     TURN on, and every simulated participant sends and receives through the relay only
//   --nodes 2   two LiveKit nodes sharing a Redis: publishers connect through one node, subscribers
//               through the other (the room lives on one of them)
//   --steps 2,4,8   other room sizes for the series (subscribers for presenter, N for meeting)
//   --runs 2        the series again, on the same app: with the app's memory after each run (resident,
//                   and its live heap after a full collection), beside its memory idle; what grows
//                   from one run to the next is a leak
//   --probe autocannon   the routes probed by autocannon's rate limit instead, as before 2026-12-04:
//                   each second's requests of all three routes sent together at its start
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, loadavg } from "node:os";
import path from "node:path";
import { harnessSettings } from "../tests/support/config";
import { signedUp } from "../tests/support/factories";
import type { HttpClient } from "../tests/support/http-client";
import { runAutocannon } from "./lib/autocannon";
import { cpuMeter } from "./lib/cpu";
import { runVisitorProbe, type VisitorProbeResult } from "./lib/visitor-probe";
import { residentMiB } from "./lib/memory";
import { printMachine, printTable, writeResult } from "./lib/report";
import { liveHeapMiB } from "./lib/heap";
import {
  BENCH_APP_INSPECTOR_PORT,
  RESULTS_DIR,
  withBenchStack,
  type BenchStack,
  type BenchStackOptions,
} from "./lib/stack";

const LK_INSTALL = "go install github.com/livekit/livekit-cli/v2/cmd/lk@latest";
const STEP_SECONDS = harnessSettings().BENCH_CAPACITY_SECONDS;
const JOINS_PER_SECOND = 10;
const APP_P99_LIMIT_MS = 100;
// A steady trickle, to measure the latency people see, not to load the app: each page render
// costs the app about 10 ms of CPU here, so 20/s on three routes alone took 0.6 of 2 cores.
const PROBE_RATE = 5; // requests per second to each probed route
const MAX_LOSS_PERCENT = 2;
type Shape = BenchStackOptions & { relay: boolean };

/** The media server's shape and the room sizes, from the command line (see the top of this file). */
function parseArguments(argv: string[]): {
  shape: Shape;
  steps: number[] | null;
  only: string | undefined;
  runs: number;
  probe: "visitors" | "autocannon";
} {
  const valueOf = (flag: string) => {
    const at = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
    if (at < 0) return undefined;
    return argv[at]!.includes("=") ? argv[at]!.slice(flag.length + 1) : argv[at + 1];
  };
  const nodes = valueOf("--nodes") ?? "1";
  if (nodes !== "1" && nodes !== "2") throw new Error(`--nodes takes 1 or 2, not ${nodes}`);
  const stepList = valueOf("--steps");
  const steps = stepList === undefined ? null : stepList.split(",").map(Number);
  if (steps?.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error(`--steps takes whole numbers separated by commas, not ${stepList}`);
  const relay = argv.includes("--relay");
  const runs = Number(valueOf("--runs") ?? "1");
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number from 1, not ${runs}`);
  const probe = valueOf("--probe") ?? "visitors";
  if (probe !== "visitors" && probe !== "autocannon")
    throw new Error(`--probe takes visitors or autocannon, not ${probe}`);
  return {
    shape: { turn: relay || argv.includes("--turn"), relay, nodes: nodes === "2" ? 2 : 1 },
    steps,
    only: argv.find((arg) => arg in SERIES),
    runs,
    probe,
  };
}

const SERIES: Record<string, (n: number) => { publishers: number; subscribers: number }> = {
  presenter: (subscribers) => ({ publishers: subscribers ? 1 : 0, subscribers }),
  meeting: (n) => ({ publishers: n, subscribers: n }),
};
const DEFAULT_STEPS: Record<string, number[]> = {
  presenter: [0, 5, 10, 20, 40, 80, 120, 160, 240],
  meeting: [0, 2, 4, 6, 8, 12, 16, 24, 32],
};
const { shape, steps: chosenSteps, only, runs, probe: probeStyle } = parseArguments(process.argv.slice(2));
// The app's inspector is on for its live heap (the leak check).
const stackOptions: BenchStackOptions = { ...shape, inspectApp: true };
// Time for the last step's participants to leave and the app to settle before its memory is read.
const SETTLE_BEFORE_MEMORY_MS = 15_000;
const shapeName = [shape.relay ? "relay" : shape.turn ? "turn" : "", shape.nodes === 2 ? "2-nodes" : ""]
  .filter(Boolean)
  .join("-");

type Tool = { kind: "lk" | "parley-loadtest"; bin: string };

function findTool(): Tool {
  for (const candidate of [harnessSettings().LK_PATH, "lk", path.join(homedir(), "go", "bin", "lk")]) {
    if (!candidate) continue;
    const found = spawnSync("sh", ["-c", `command -v "${candidate}"`], { encoding: "utf8" }).stdout.trim();
    if (found) return { kind: "lk", bin: found };
  }
  console.log(
    `The LiveKit CLI (lk) was not found on PATH or in ~/go/bin. To use it, install it with:\n  ${LK_INSTALL}`,
  );
  const bin = path.resolve(RESULTS_DIR, "bin", "parley-loadtest");
  console.log("Using bench/loadtest (parley-loadtest) instead; building it with go build...");
  mkdirSync(path.dirname(bin), { recursive: true });
  const built = spawnSync("go", ["build", "-o", bin, "."], { cwd: "bench/loadtest", stdio: "inherit" });
  if (built.status !== 0 || !existsSync(bin))
    throw new Error(`Neither lk nor Go to build bench/loadtest is available: ${LK_INSTALL}`);
  return { kind: "parley-loadtest", bin };
}

type LoadResult = { ok: boolean; reason: string; detail: Record<string, unknown> };

function loadArgs(tool: Tool, stack: BenchStack, room: string, publishers: number, subscribers: number): string[] {
  if (tool.kind === "lk" && (shape.relay || shape.nodes === 2))
    throw new Error("--relay and --nodes 2 need bench/loadtest (lk load-test has no such switches): unset LK_PATH");
  const common = [
    "--url",
    stack.livekit.wsUrl,
    "--api-key",
    stack.livekit.key,
    "--api-secret",
    stack.livekit.secret,
    "--room",
    room,
    "--video-publishers",
    String(publishers),
    "--audio-publishers",
    String(publishers),
    "--subscribers",
    String(subscribers),
    "--duration",
    `${STEP_SECONDS}s`,
    "--num-per-second",
    String(JOINS_PER_SECOND),
    ...(stack.livekit.secondWsUrl ? ["--subscriber-url", stack.livekit.secondWsUrl] : []),
    ...(shape.relay ? ["--relay-only"] : []),
  ];
  return tool.kind === "lk" ? ["load-test", ...common] : common;
}

/**
 * How many of the room's connections LiveKit saw arrive through a TURN relay: livekit-server logs
 * each participant's candidates when it becomes active, the selected pair marked "selected".
 */
function relayedParticipants(stack: BenchStack, room: string): { active: number; relayed: number } {
  let active = 0;
  let relayed = 0;
  for (const log of stack.logFiles.livekit) {
    for (const line of readFileSync(log, "utf8").split("\n")) {
      if (!line.includes("participant active") || !line.includes(`"room": "${room}"`)) continue;
      active++;
      if (/\[remote\]\[selected[^"]*relay/.test(line)) relayed++;
    }
  }
  return { active, relayed };
}

function judge(tool: Tool, code: number | null, stdout: string, stderr: string): LoadResult {
  if (tool.kind === "parley-loadtest") {
    const line = stdout.trim().split("\n").pop() ?? "";
    let summary: {
      connectFailures: number;
      minTracksReceived: number;
      expectedTracksPerSubscriber: number;
      packetLossPercent: number;
      errors: string[];
      subscriberMbps: number[];
    };
    try {
      summary = JSON.parse(line);
    } catch {
      return {
        ok: false,
        reason: `load generator failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" / ")}`,
        detail: {},
      };
    }
    const reasons = [];
    if (summary.connectFailures > 0) reasons.push(`${summary.connectFailures} could not connect`);
    if (summary.minTracksReceived < summary.expectedTracksPerSubscriber)
      reasons.push(
        `a subscriber received ${summary.minTracksReceived} of ${summary.expectedTracksPerSubscriber} tracks`,
      );
    if (summary.packetLossPercent > MAX_LOSS_PERCENT)
      reasons.push(`packet loss ${summary.packetLossPercent.toFixed(1)}%`);
    return { ok: reasons.length === 0, reason: reasons.join("; "), detail: summary };
  }
  const errors = (stdout + stderr).split("\n").filter((line) => /error|failed/i.test(line));
  const ok = code === 0 && errors.length === 0;
  return {
    ok,
    reason: ok ? "" : `lk exit ${code}${errors.length ? `: ${errors.slice(0, 3).join(" / ")}` : ""}`,
    detail: { output: stdout.split("\n").slice(-40).join("\n") },
  };
}

async function runStep(
  tool: Tool,
  stack: BenchStack,
  owner: HttpClient,
  room: string,
  probes: Probe[],
  publishers: number,
  subscribers: number,
) {
  // The app opens the LiveKit room (rooms are not created by joining): ask for a token first.
  const opened = await owner.request(`/api/rooms/${room}/token`, { method: "POST" });
  if (opened.status !== 200) throw new Error(`token route answered ${opened.status}`);
  const nobody = publishers + subscribers === 0;
  const args = loadArgs(tool, stack, room, publishers, subscribers);
  const child = nobody
    ? spawn("sleep", [String(STEP_SECONDS)])
    : spawn(tool.bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  // Steady state: everyone has joined (JOINS_PER_SECOND) and settled; measure until shortly before the end.
  const joinSeconds = (publishers + subscribers) / JOINS_PER_SECOND + 3;
  await Promise.race([new Promise((resolve) => setTimeout(resolve, joinSeconds * 1000)), exited]);
  const window = Math.max(5, STEP_SECONDS - 5);
  const loadAverage = Math.round(loadavg()[0]! * 10) / 10;
  const { secondLivekit, redis } = stack.processes;
  const meter = cpuMeter(() => ({
    livekit: stack.processes.livekit.child.pid!,
    ...(secondLivekit ? { livekitB: secondLivekit.child.pid! } : {}),
    ...(redis ? { redis: redis.child.pid! } : {}),
    app: stack.processes.app.child.pid!,
    loadgen: child.pid ?? 0,
  }));
  const latencies = await Promise.all(probes.map((probe, i) => probeRoute(stack, probe, i, window)));
  const cores = meter.stop();
  const code = await exited;
  const load: LoadResult = nobody ? { ok: true, reason: "", detail: {} } : judge(tool, code, stdout, stderr);
  const app = probes.map((probe, i) => ({ route: probe.label, ...summarize(latencies[i]!) }));
  const slow = app.filter((route) => route.p99 >= APP_P99_LIMIT_MS || route.failed > 0);
  const appReason = slow
    .map((route) => `${route.route} p99 ${route.p99} ms${route.failed ? `, ${route.failed} failed` : ""}`)
    .join("; ");
  return {
    publishers,
    subscribers,
    loadAverage,
    ...(shape.turn && !nobody ? relayedParticipants(stack, room) : {}),
    mediaOk: load.ok,
    appOk: slow.length === 0,
    mediaReason: load.reason,
    appReason,
    app,
    cores,
    load: load.detail,
  };
}

type Step = Awaited<ReturnType<typeof runStep>>;

/** livekit-server's CPU: with two nodes their sum, then each node and Redis. */
function mediaCpu(step: Step): string {
  const { livekit = 0, livekitB, redis } = step.cores;
  if (livekitB === undefined) return `livekit ${livekit}`;
  const total = Math.round((livekit + livekitB + (redis ?? 0)) * 100) / 100;
  return `livekit ${total} (A ${livekit} + B ${livekitB} + Redis ${redis ?? 0})`;
}
const empty = (step: { publishers: number; subscribers: number }) => step.publishers + step.subscribers === 0;

const summarize = ({ p50, p99, requests, failed, slowest }: RouteLatency) => ({ p50, p99, requests, failed, slowest });

type RouteLatency = Pick<VisitorProbeResult, "p50" | "p99" | "requests" | "failed"> & {
  slowest?: VisitorProbeResult["slowest"];
};

/** One route's latency over the step's window, the `i`th of the probes running together. */
async function probeRoute(stack: BenchStack, probe: Probe, i: number, seconds: number): Promise<RouteLatency> {
  const request = { url: stack.appUrl + probe.path, method: probe.method, headers: { cookie: probe.cookie } };
  if (probeStyle === "visitors")
    return runVisitorProbe({
      ...request,
      rate: PROBE_RATE,
      durationSeconds: seconds,
      seed: i + 1,
    });
  const result = await runAutocannon({ ...request, connections: 2, overallRate: PROBE_RATE, duration: seconds });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

type Probe = { label: string; path: string; method: "GET" | "POST"; cookie: string };

/**
 * The app's memory at a moment: resident (its process tree, what the machine gives it) and its live
 * JavaScript heap after a full collection (what it keeps: the leak check).
 */
type Memory = { when: string; appMiB: number; liveHeapMiB: number };

async function memoryNow(when: string, appPid: number): Promise<Memory> {
  return { when, appMiB: residentMiB(appPid), liveHeapMiB: await liveHeapMiB(BENCH_APP_INSPECTOR_PORT) };
}

const describeMemory = (sample: Memory) =>
  `app memory, ${sample.when}: ${sample.appMiB} MiB resident, ${sample.liveHeapMiB} MiB live heap after a full collection`;

await withBenchStack(async (stack) => {
  const tool = findTool();
  const owner = await signedUp("host", stack.appUrl);
  const member = await signedUp("member", stack.appUrl);
  const memberCookie = member.client.cookieHeader();
  const probeRoom = await owner.client.createRoom("Capacity benchmark");
  const probes: Probe[] = [
    { label: "GET /r/<slug>", path: `/r/${probeRoom.slug}`, method: "GET", cookie: memberCookie },
    { label: "GET /", path: "/", method: "GET", cookie: memberCookie },
    { label: "POST token", path: `/api/rooms/${probeRoom.slug}/token`, method: "POST", cookie: memberCookie },
  ];
  // Warm the app up first: the first requests to each route load and compile its code.
  for (const probe of probes)
    await runAutocannon({
      url: stack.appUrl + probe.path,
      method: probe.method,
      headers: { cookie: probe.cookie },
      connections: 2,
      duration: 3,
    });
  const results: Record<string, Step[]> = {};
  const appPid = stack.processes.app.child.pid!;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_BEFORE_MEMORY_MS));
  const memory: Memory[] = [await memoryNow("idle (after warming up)", appPid)];
  console.log(describeMemory(memory[0]!));
  for (let run = 1; run <= runs; run++) {
    for (const [name, sized] of Object.entries(SERIES)) {
      if (only && name !== only) continue;
      const series = runs > 1 ? `${name} (run ${run})` : name;
      results[series] = [];
      for (const { publishers, subscribers } of (chosenSteps ?? DEFAULT_STEPS[name]!).map(sized)) {
        // Each step in a room of its own, so leftovers of the last step do not count.
        const room = await owner.client.createRoom(`${series} ${publishers}x${subscribers}`);
        const step = await runStep(tool, stack, owner.client, room.slug, probes, publishers, subscribers);
        results[series].push(step);
        const worst = Math.max(...step.app.map((route) => route.p99));
        const media = empty(step)
          ? "nobody in the room"
          : step.mediaOk
            ? "media ok"
            : `media FAILED (${step.mediaReason})`;
        const relayed = step.active === undefined ? "" : `; ${step.relayed} of ${step.active} connections relayed`;
        console.log(
          `${series} ${publishers} pub / ${subscribers} sub: ${media}${relayed}; app p99 ≤ ${worst} ms${step.appOk ? "" : ` (over ${APP_P99_LIMIT_MS} ms: ${step.appReason})`}; CPU ${mediaCpu(step)}, app ${step.cores.app}, load generator ${step.cores.loadgen} cores; load average ${step.loadAverage}`,
        );
        if (!step.mediaOk) break;
        await new Promise((resolve) => setTimeout(resolve, 3000)); // let the last step's participants leave
      }
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_BEFORE_MEMORY_MS));
    memory.push(await memoryNow(`after run ${run}`, appPid));
    console.log(describeMemory(memory.at(-1)!));
  }

  console.log();
  printMachine();
  console.log(
    `load generator: ${tool.kind} (${tool.bin}); ${STEP_SECONDS} s per step; app probed at ${PROBE_RATE} req/s per route (${probeStyle === "visitors" ? "visitors arriving at random" : "autocannon: each second's requests sent together"}); media server: ${shapeName || "one node, no TURN"}`,
  );
  const rows: (string | number)[][] = [];
  const cpu = (step: Step) => `${mediaCpu(step).replace("livekit ", "")} / ${step.cores.app} / ${step.cores.loadgen}`;
  const size = (step: Step) => `${step.publishers} pub + ${step.subscribers} sub`;
  for (const [series, steps] of Object.entries(results)) {
    const baseline = steps.find(empty);
    const rooms = steps.filter((step) => !empty(step));
    const sustained = rooms.filter((step) => step.mediaOk && step.appOk).at(-1);
    const appLimit = rooms.find((step) => !step.appOk);
    const mediaLimit = rooms.find((step) => !step.mediaOk);
    rows.push([
      series,
      baseline ? `${Math.max(...baseline.app.map((route) => route.p99))} ms` : "",
      sustained
        ? `${size(sustained)} (p99 ≤ ${Math.max(...sustained.app.map((route) => route.p99))} ms; CPU ${cpu(sustained)})`
        : "none",
      appLimit ? `${size(appLimit)}: ${appLimit.appReason}; CPU ${cpu(appLimit)}` : "not reached",
      mediaLimit
        ? `${size(mediaLimit)}: ${mediaLimit.mediaReason}; CPU ${cpu(mediaLimit)}`
        : `not reached (last: ${rooms.at(-1) ? size(rooms.at(-1)!) : "none"})`,
    ]);
  }
  const growth = (read: (sample: Memory) => number) =>
    memory.length > 2
      ? `; from the first run's end to the last's: ${(read(memory.at(-1)!) - read(memory[1]!)).toFixed(1)} MiB`
      : "";
  const samples = (read: (sample: Memory) => number) =>
    memory.map((sample) => `${sample.when} ${read(sample)}`).join("; ") + growth(read);
  console.log(`app resident memory (MiB): ${samples((sample) => sample.appMiB)}`);
  console.log(`app live heap after a full collection (MiB): ${samples((sample) => sample.liveHeapMiB)}`);
  printTable(
    [
      "series",
      "app p99, empty room",
      "sustained with app p99 < 100 ms (CPU livekit / app / load gen)",
      "first step with app p99 ≥ 100 ms",
      "first step where the media fails",
    ],
    rows,
  );
  const file = writeResult(shapeName ? `capacity-${shapeName}` : "capacity", {
    shape,
    probe: probeStyle,
    tool: tool.kind,
    stepSeconds: STEP_SECONDS,
    appP99LimitMs: APP_P99_LIMIT_MS,
    maxLossPercent: MAX_LOSS_PERCENT,
    memory,
    results,
  });
  writeFileSync(
    path.join(RESULTS_DIR, shapeName ? `capacity-${shapeName}-command.txt` : "capacity-command.txt"),
    `${tool.bin} ${loadArgs(tool, stack, "<room>", 1, 1).join(" ").replace(stack.livekit.secret, "$SECRET")}\n`,
  );
  console.log(`written: ${file}`);
}, stackOptions);
