// The stack that `npm test` started (scripts/test.ts), as the tests reach it. Each app's settings
// are read as the app itself reads them (lib/env.ts).
import { RoomServiceClient } from "livekit-server-sdk";
import { parseEnv, type Env } from "../../lib/env";
import { sqliteFileFromUrl } from "../../lib/sqlite-url";
import { testStack } from "./config";

let main: Env | undefined;
const mainApp = () => (main ??= parseEnv(testStack().app.env));

export const stack = {
  get appUrl() {
    return mainApp().NEXTAUTH_URL;
  },
  /** The same build, whose LiveKit address has nothing behind it. */
  get appWithoutLiveKitUrl() {
    return testStack().appWithoutLiveKit.env.NEXTAUTH_URL;
  },
  /** The same build with tight rate limits and a database of its own. */
  get strictAppUrl() {
    return testStack().strictApp.env.NEXTAUTH_URL;
  },
  /** The strict app's settings, e.g. RATE_LIMIT_SIGN_IN_PER_EMAIL: { limit: 3, windowMs: 900_000 }. */
  get strictAppEnv(): Env {
    return parseEnv(testStack().strictApp.env);
  },
  /** Mailpit's address: what the apps mailed, over its HTTP API (tests/support/mailpit.ts). */
  get mailpitUrl() {
    return testStack().mailpit.inboxUrl;
  },
  /** The main app's log file (its stdout and stderr). */
  get appLog() {
    return testStack().app.logFile;
  },
  /** The main app's SQLite file. */
  get databaseFile() {
    return sqliteFileFromUrl(mainApp().DATABASE_URL);
  },
  /** Where the main app and its parley-recorder keep recordings. */
  get recordingsDir() {
    return mainApp().RECORDINGS_DIR;
  },
  get livekitUrl() {
    return mainApp().LIVEKIT_URL;
  },
  get livekitKey() {
    return mainApp().LIVEKIT_API_KEY;
  },
  get livekitSecret() {
    return mainApp().LIVEKIT_API_SECRET;
  },
  roomService(): RoomServiceClient {
    return new RoomServiceClient(this.livekitUrl, this.livekitKey, this.livekitSecret);
  },
};
