// npm run dev — the whole app on this machine: .env.local, migrations, livekit-server, Next.js.
import { errorMessage } from "../lib/error-message";
import { ensureDevEnvFile } from "./lib/dev-env";
import { DEV_LIVEKIT } from "./lib/livekit-config";
import type { Managed } from "./lib/processes";
import { startLiveKit, migrate, startNext, stopAllOnSignal, type AppEnv } from "./lib/stack";

const DEV_APP_PORT = 3000;
const running: Managed[] = [];

async function main() {
  const env = ensureDevEnvFile() as unknown as AppEnv;
  migrate(env);
  running.push(await startLiveKit(DEV_LIVEKIT, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, [`http://127.0.0.1:${DEV_APP_PORT}`]));
  console.log(`livekit-server is listening on 127.0.0.1:${DEV_LIVEKIT.port}`);
  running.push(await startNext("dev", DEV_APP_PORT, env));
  stopAllOnSignal(running);
  console.log("\nParley is running at http://localhost:3000 (Ctrl-C stops it).\n");
}

main().catch(async (error: unknown) => {
  console.error(errorMessage(error));
  for (const proc of running.reverse()) await proc.stop();
  process.exit(1);
});
