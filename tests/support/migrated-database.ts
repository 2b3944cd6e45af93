// Vitest global setup of the integration tests (vitest.config.ts): one SQLite file with every
// migration applied, made once per run; each test file works on a copy (./isolated-app-env.ts).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty database, for test files to copy. */
    migratedDatabase: string;
  }
}

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), "parley-test-"));
  const file = path.join(folder, "migrated.db");
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  project.provide("migratedDatabase", file);
  return () => rmSync(folder, { recursive: true, force: true });
}
