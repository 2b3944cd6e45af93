// The harness's settings, read and checked in one place, as lib/env.ts does for the app: the
// variables a person may set for tests and benchmarks, and the test stack that `npm test`
// (scripts/test.ts) started, which it describes in a file (PARLEY_TEST_STACK_FILE) for the test
// processes to read. Each app's environment in that file is held to the app's own schema.
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { envSchema } from "../../lib/env";
import type { AppEnv } from "../../scripts/lib/stack";

// Unset or empty gives the fallback.
const wholeNumber = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === "") return fallback;
      if (!/^\d{1,6}$/.test(value.trim())) {
        context.addIssue({ code: "custom", message: `must be a whole number, e.g. ${fallback}` });
        return z.NEVER;
      }
      return Number(value);
    });

const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const settingsSchema = z.object({
  /** Shifts every port of the test stack, so two checkouts can run their tests side by side. */
  PARLEY_TEST_PORT_OFFSET: wholeNumber(0),
  /** Set by scripts/test.ts for the test processes: where it described the stack it started. */
  PARLEY_TEST_STACK_FILE: optionalText,
  /** The Chromium or Chrome to drive, instead of the first one found on PATH. */
  CHROME_PATH: optionalText,
  /** Shifts the ports of the benchmarks' stack. */
  PARLEY_BENCH_PORT_OFFSET: wholeNumber(0),
  /** Node.js options for the app under benchmark, e.g. "--cpu-prof --cpu-prof-dir=bench/results/profiles". */
  BENCH_APP_NODE_ARGS: z
    .string()
    .default("")
    .transform((value) => value.split(" ").filter(Boolean)),
  /** How many joins bench:join measures. */
  BENCH_JOIN_RUNS: wholeNumber(15),
  /** Any value: bench:join --profile also records a Chromium trace. */
  BENCH_JOIN_TRACE: optionalText.transform(Boolean),
  /** How long each step of bench:capacity lasts, in seconds. */
  BENCH_CAPACITY_SECONDS: wholeNumber(30),
  /** The LiveKit CLI (`lk`) for bench:capacity, when it is not on PATH. */
  LK_PATH: optionalText,
});

function checked<T>(schema: z.ZodType<T>, source: unknown, what: string): T {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `${what} is invalid:\n${result.error.issues.map((issue) => `  - ${issue.path.join(".") || "(all)"} ${issue.message}`).join("\n")}`,
    );
  }
  return result.data;
}

let settings: z.infer<typeof settingsSchema> | undefined;

export function harnessSettings(): z.infer<typeof settingsSchema> {
  settings ??= checked(settingsSchema, process.env, "The test and benchmark settings (environment variables)");
  return settings;
}

const port = z.number().int().min(1).max(65_535);

// Strings, as the app's process is given them; the app's own schema (lib/env.ts) must accept them.
const appEnv = z
  .record(z.string(), z.string())
  .superRefine((vars, context) => {
    for (const issue of envSchema.safeParse(vars).error?.issues ?? [])
      context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  })
  .transform((vars) => vars as AppEnv);

const appSchema = z.object({ port, env: appEnv, logFile: z.string().min(1) });

const liveKitSchema = z.object({
  ports: z.object({
    port,
    rtcTcpPort: port,
    rtcUdpPort: port,
    turn: z.object({ udpPort: port, relayPorts: z.tuple([port, port]) }).optional(),
    redis: z.string().optional(),
  }),
  key: z.string().min(1),
  secret: z.string().min(32),
  /** The apps livekit-server sends its webhooks to. */
  webhookApps: z.array(z.url()),
  logFile: z.string().min(1),
});

const recorderSchema = z.object({
  port,
  secret: z.string().min(32),
  dir: z.string().min(1),
  logFile: z.string().min(1).optional(),
});

const testStackSchema = z.object({
  /** The app most tests use, and its livekit-server. */
  app: appSchema,
  livekit: liveKitSchema,
  /** The same build, whose LiveKit address has nothing behind it: what people see when the media server is down. */
  appWithoutLiveKit: appSchema,
  /** The same build with its own database and rate limits tight enough to reach in a test. */
  strictApp: appSchema,
  /** Settings for an app a test starts itself with settings of its own (tests/support/configurable-app.ts). */
  configurableApp: appSchema,
  /** The Mailpit every app sends its mail to; tests read it over its HTTP API. */
  mailpit: z.object({ inboxUrl: z.url() }),
  /**
   * An app (own database), a livekit-server and a parley-recorder of their own, which fault tests
   * start, kill and restart.
   */
  restartable: z.object({ app: appSchema, livekit: liveKitSchema, recorder: recorderSchema }),
  /** The main app's build, database and livekit-server, its meeting pages relay-only (TEST_ONLY_FORCE_TURN_RELAY). */
  relayOnlyApp: appSchema,
  /** A port a test may start an app of its own on (e.g. one restored from a backup). */
  spareAppPort: port,
  /**
   * LiveKit's multi-node mode, started by tests/e2e/multi-node-stack.ts: Redis, two nodes, and two
   * apps sharing a database (their LiveKit addresses are the test's load balancers, set there).
   */
  multiNode: z.object({
    redisPort: port,
    nodes: z.tuple([liveKitSchema.shape.ports, liveKitSchema.shape.ports]),
    apps: z.tuple([appSchema, appSchema]),
    logDir: z.string().min(1),
  }),
});

/** An app as described before it is started (tests/support/local-stack.ts). */
export type AppInstance = z.infer<typeof appSchema>;
/** A livekit-server as described before it is started. */
export type LiveKitInstance = z.infer<typeof liveKitSchema>;
/** A parley-recorder as described before it is started (scripts/lib/recorder.ts). */
export type RecorderInstance = z.infer<typeof recorderSchema>;
export type TestStack = z.infer<typeof testStackSchema>;

/** Written by scripts/test.ts; returns the variable that tells the test processes where. */
export function describeTestStack(file: string, stack: TestStack): { PARLEY_TEST_STACK_FILE: string } {
  writeFileSync(file, JSON.stringify(checked(testStackSchema, stack, "The test stack"), null, 2), { mode: 0o600 });
  return { PARLEY_TEST_STACK_FILE: file };
}

let described: TestStack | undefined;

/** The stack `npm test` started, or undefined outside it. */
export function testStackIfStarted(): TestStack | undefined {
  const file = harnessSettings().PARLEY_TEST_STACK_FILE;
  if (file)
    described ??= checked(
      testStackSchema,
      JSON.parse(readFileSync(file, "utf8")),
      `The test stack described in ${file}`,
    );
  return described;
}

export function testStack(): TestStack {
  const stack = testStackIfStarted();
  if (!stack)
    throw new Error(
      "PARLEY_TEST_STACK_FILE is not set: run these tests through `npm test`, which starts the app and livekit-server.",
    );
  return stack;
}
