import { TokenVerifier } from "livekit-server-sdk";
import { beforeAll, describe, expect, it, vi } from "vitest";

const secret = "unit-test-secret-unit-test-secret-0123";

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "x".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("LIVEKIT_URL", "http://127.0.0.1:7880");
  vi.stubEnv("LIVEKIT_API_KEY", "unitkey");
  vi.stubEnv("LIVEKIT_API_SECRET", secret);
});

describe("a join token", () => {
  it("is signed with the configured key, names the user and one room, and expires within minutes", async () => {
    const { mintJoinToken, JOIN_TOKEN_TTL_SECONDS } = await import("@/lib/livekit/token");
    const jwt = await mintJoinToken({ room: "kfp-xqzt-mwe", identity: "user-1", name: "Ann", role: "participant" });
    const claims = await new TokenVerifier("unitkey", secret).verify(jwt);
    expect(claims.sub).toBe("user-1");
    expect(claims.name).toBe("Ann");
    expect(claims.video?.room).toBe("kfp-xqzt-mwe");
    expect(claims.video?.roomAdmin).toBe(false);
    const lifetime = (claims.exp ?? 0) - Math.floor(Date.now() / 1000);
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(JOIN_TOKEN_TTL_SECONDS);
    expect(JOIN_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(15 * 60);
    await expect(new TokenVerifier("unitkey", "another-secret-another-secret-000").verify(jwt)).rejects.toThrow();
  });
});
