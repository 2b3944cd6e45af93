// Vitest setup file of the integration tests (vitest.config.ts), run in each test file's process
// before the file is imported: the environment the app would have, with a database of the file's
// own (a copy of ./migrated-database.ts's) and the test stack's livekit-server when `npm test`
// started one. So a test imports lib/ code like any other module:
//   import { createAccount } from "@/lib/accounts/accounts";
// lib/env.ts reads the environment on first use, not on import: a test file that needs another
// setting sets it at its top, before any lib/ code runs, e.g. vi.stubEnv("ADMIN_EMAILS", "...").
import { copyFileSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { inject, vi } from "vitest";
import { parseEnv } from "../../lib/env";
import type { AppEnv } from "../../scripts/lib/stack";
import { testStackIfStarted } from "./config";

const migrated = inject("migratedDatabase");
const databaseFile = path.join(mkdtempSync(path.join(path.dirname(migrated), "file-")), "parley.db");
copyFileSync(migrated, databaseFile);

const stackApp = testStackIfStarted()?.app.env;
const vars = {
  DATABASE_URL: `file:${databaseFile}`,
  AUTH_SECRET: "integration-test-secret-0123456789abcdef",
  NEXTAUTH_URL: "http://127.0.0.1:3999",
  LIVEKIT_URL: stackApp?.LIVEKIT_URL ?? "http://127.0.0.1:7980",
  LIVEKIT_API_KEY: stackApp?.LIVEKIT_API_KEY ?? "testkey",
  LIVEKIT_API_SECRET: stackApp?.LIVEKIT_API_SECRET ?? "integration-livekit-secret-0123456789",
  ADMIN_EMAILS: "",
  LOG_LEVEL: "error",
} satisfies AppEnv;
parseEnv(vars); // stops here, naming the variable, should these fall behind lib/env.ts
for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
