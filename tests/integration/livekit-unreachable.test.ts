import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { prepareIsolatedAppEnv } from "../support/isolated-app-env";

// A port nothing listens on: bind one, note it, close it.
const port = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const address = server.address();
    server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
  });
});
prepareIsolatedAppEnv({ LIVEKIT_URL: `http://127.0.0.1:${port}` });
const { ensureLiveKitRoom } = await import("@/lib/livekit/room-service");

describe("when the LiveKit server cannot be reached", () => {
  it("opening a room fails with 503 and a message a person understands", async () => {
    await expect(ensureLiveKitRoom("kfp-xqzt-mwe")).rejects.toMatchObject({
      status: 503,
      code: "livekit_unavailable",
      message: "The meeting service can't be reached right now. Try again in a moment.",
    });
  });
});
