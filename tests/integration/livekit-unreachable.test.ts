// (lib/ code with the environment of tests/support/isolated-app-env.ts, but LIVEKIT_URL set below.)
import { createServer } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { ensureLiveKitRoom } from "@/lib/livekit/room-service";

// A port nothing listens on: bind one, note it, close it.
const port = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const address = server.address();
    server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
  });
});
// Before any lib/ code reads the environment.
vi.stubEnv("LIVEKIT_URL", `http://127.0.0.1:${port}`);

describe("when the LiveKit server cannot be reached", () => {
  it("opening a room fails with 503 and a message a person understands", async () => {
    await expect(ensureLiveKitRoom("kfp-xqzt-mwe")).rejects.toMatchObject({
      status: 503,
      code: "livekit_unavailable",
      message: "The meeting service can't be reached right now. Try again in a moment.",
    });
  });
});
