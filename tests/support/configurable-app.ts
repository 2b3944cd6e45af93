// An app instance a test starts with settings of its own (sign-up policy, single sign-on...),
// on the port scripts/test.ts set aside, with a fresh database each time. One at a time: the
// test file that starts one stops it in afterAll.
import { randomBytes } from "node:crypto";
import type { Managed } from "../../scripts/lib/processes";
import { migrate, startNext, type AppEnv } from "../../scripts/lib/stack";

type Config = { port: number; env: AppEnv; logFile: string };

export type ConfiguredApp = { url: string; logFile: string; stop: () => Promise<void> };

export async function startConfiguredApp(settings: Record<string, string | undefined>): Promise<ConfiguredApp> {
  const raw = process.env.PARLEY_TEST_CONFIGURABLE_APP;
  if (!raw) throw new Error("PARLEY_TEST_CONFIGURABLE_APP is not set: run these tests through `npm test`.");
  const config = JSON.parse(raw) as Config;
  const env = { ...config.env, DATABASE_URL: `file:./.test-run/configurable-${randomBytes(4).toString("hex")}.db` } as AppEnv & Record<string, string | undefined>;
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  migrate(env);
  const app: Managed = await startNext("start", config.port, env, config.logFile);
  return { url: env.NEXTAUTH_URL, logFile: config.logFile, stop: () => app.stop() };
}
