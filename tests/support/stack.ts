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
