// Addresses of the stack that `npm test` started (scripts/test.ts).
import { RoomServiceClient } from "livekit-server-sdk";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through \`npm test\`, which starts the app and livekit-server.`);
  return value;
}

export const stack = {
  get appUrl() {
    return required("PARLEY_TEST_APP_URL");
  },
  /** The same build with tight rate limits (scripts/test.ts) and its own database. */
  get strictAppUrl() {
    return required("PARLEY_TEST_STRICT_APP_URL");
  },
  /** The strict app's limits, e.g. { RATE_LIMIT_SIGN_IN_PER_EMAIL: { limit: 3, windowSeconds: 900 } }. */
  get strictRateLimits(): Record<string, { limit: number; windowSeconds: number }> {
    const units: Record<string, number> = { s: 1, m: 60, h: 3600 };
    return Object.fromEntries(
      Object.entries(JSON.parse(required("PARLEY_TEST_STRICT_RATE_LIMITS")) as Record<string, string>).map(([name, value]) => {
        const [, limit, count, unit] = /^(\d+)\/(\d+)([smh])$/.exec(value)!;
        return [name, { limit: Number(limit), windowSeconds: Number(count) * units[unit!]! }];
      }),
    );
  },
  /** The main app's log file (its stdout and stderr). */
  get appLog() {
    return required("PARLEY_TEST_APP_LOG");
  },
  get livekitUrl() {
    return required("PARLEY_TEST_LIVEKIT_URL");
  },
  get livekitKey() {
    return required("PARLEY_TEST_LIVEKIT_KEY");
  },
  get livekitSecret() {
    return required("PARLEY_TEST_LIVEKIT_SECRET");
  },
  roomService(): RoomServiceClient {
    return new RoomServiceClient(this.livekitUrl, this.livekitKey, this.livekitSecret);
  },
};

let counter = 0;

/** A unique, valid new account for one test. */
export function newPerson(label = "person") {
  counter += 1;
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
  return { name: `${label} ${counter}`, email: `${label.toLowerCase().replace(/\W/g, "")}-${id}@example.org`, password: "correct horse battery" };
}
