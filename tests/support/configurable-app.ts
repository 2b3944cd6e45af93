// An app instance a test starts with settings of its own (sign-up policy...), on the port
// scripts/test.ts set aside, with a fresh database each time. One at a time: the test file that
// starts one stops it in afterAll.
import { randomBytes } from "node:crypto";
import type { AppEnv } from "../../scripts/lib/stack";
import { testStack } from "./config";
import { migrateApp, startApp } from "./local-stack";

export type ConfiguredApp = { url: string; logFile: string; stop: () => Promise<void> };

export async function startConfiguredApp(settings: Record<string, string | undefined>): Promise<ConfiguredApp> {
  const base = testStack().configurableApp;
  const env: Record<string, string | undefined> = {
    ...base.env,
    DATABASE_URL: `file:./.test-run/configurable-${randomBytes(4).toString("hex")}.db`,
  };
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const app = { ...base, env: env as AppEnv };
  migrateApp(app);
  const running = await startApp(app);
  return { url: base.env.NEXTAUTH_URL, logFile: base.logFile, stop: () => running.stop() };
}
