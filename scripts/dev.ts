// npm run dev — the whole app on this machine: .env.local, migrations, livekit-server, Mailpit
// (a local inbox for the mail Parley sends), parley-recorder (recorder/), Next.js.
import { randomBytes } from "node:crypto";
import { errorMessage } from "../lib/error-message";
import { ensureDevEnvFile } from "./lib/dev-env";
import { DEV_LIVEKIT } from "./lib/livekit-config";
import { startMailpit } from "./lib/mailpit";
import type { Managed } from "./lib/processes";
import { recorderUrl, startRecorder } from "./lib/recorder";
import { startLiveKit, migrate, startNext, stopAllOnSignal, type AppEnv } from "./lib/stack";

const DEV_APP_PORT = 3000;
const DEV_MAILPIT = { smtpPort: 1025, httpPort: 8025 };
const DEV_RECORDER_PORT = 7890;
const running: Managed[] = [];

async function main() {
  const env = ensureDevEnvFile() as unknown as AppEnv;
  migrate(env);
  running.push(
    await startLiveKit(DEV_LIVEKIT, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, [`http://127.0.0.1:${DEV_APP_PORT}`]),
  );
  console.log(`livekit-server is listening on 127.0.0.1:${DEV_LIVEKIT.port}`);
  // Mail goes to a local Mailpit unless .env.local names a mail server of its own.
  let inbox: string | null = null;
  if (!env.SMTP_URL) {
    const mailpit = await startMailpit(DEV_MAILPIT);
    running.push(mailpit);
    env.SMTP_URL = mailpit.smtpUrl;
    env.MAIL_FROM ??= "Parley <parley@localhost>";
    inbox = mailpit.inboxUrl;
  }
  // Meetings are recorded by a local parley-recorder unless .env.local names one of its own.
  if (!env.RECORDER_URL) {
    const recorder = {
      port: DEV_RECORDER_PORT,
      secret: env.RECORDER_SECRET ?? randomBytes(32).toString("base64url"),
      dir: env.RECORDINGS_DIR ?? "data/recordings",
    };
    running.push(await startRecorder(recorder));
    env.RECORDER_URL = recorderUrl(recorder);
    env.RECORDER_SECRET = recorder.secret;
  }
  running.push(await startNext("dev", DEV_APP_PORT, env));
  stopAllOnSignal(running);
  console.log("\nParley is running at http://localhost:3000 (Ctrl-C stops it).");
  if (inbox) console.log(`Mail it sends (invitations, password resets) arrives in Mailpit: ${inbox}`);
  console.log("");
}

main().catch(async (error: unknown) => {
  console.error(errorMessage(error));
  for (const proc of running.reverse()) await proc.stop();
  process.exit(1);
});
