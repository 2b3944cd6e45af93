import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/support/chromium";
import { testStackIfStarted } from "./tests/support/config";

// Run by `npm test` (scripts/test.ts), which builds the app, starts livekit-server and
// `next start` on loopback, and describes them in the file PARLEY_TEST_STACK_FILE names
// (read by tests/support/config.ts).
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // Real browsers, media and servers on a 2-core machine: a test gets one more try, and scripts/test.ts
  // names every test that needed it at the end of the run, so flakiness is seen, not hidden.
  retries: 1,
  reporter: [["list"], ["json", { outputFile: ".test-run/e2e-results.json" }]],
  outputDir: ".test-run/e2e-artifacts",
  use: {
    baseURL: testStackIfStarted()?.app.env.NEXTAUTH_URL,
    launchOptions: chromiumLaunchOptions(),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
