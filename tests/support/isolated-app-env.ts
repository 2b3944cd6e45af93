// For tests that call lib/ directly: a fresh SQLite file with every migration applied, and the
// environment the app would have. Call before importing any lib/ module.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { vi } from "vitest";

export function prepareIsolatedAppEnv(overrides: Record<string, string> = {}): { databaseFile: string } {
  const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), "parley-test-")), "parley.db");
  const vars: Record<string, string> = {
    DATABASE_URL: `file:${databaseFile}`,
    AUTH_SECRET: "integration-test-secret-0123456789abcdef",
    NEXTAUTH_URL: "http://127.0.0.1:3999",
    LIVEKIT_URL: process.env.PARLEY_TEST_LIVEKIT_URL ?? "http://127.0.0.1:7980",
    LIVEKIT_API_KEY: process.env.PARLEY_TEST_LIVEKIT_KEY ?? "testkey",
    LIVEKIT_API_SECRET: process.env.PARLEY_TEST_LIVEKIT_SECRET ?? "integration-livekit-secret-0123456789",
    ADMIN_EMAILS: "",
    LOG_LEVEL: "error",
    ...overrides,
  };
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, ...vars }, stdio: "pipe" });
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return { databaseFile };
}
