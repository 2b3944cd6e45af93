import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  AUTH_SECRET: "a".repeat(32),
  NEXTAUTH_URL: "http://localhost:3000",
  LIVEKIT_URL: "http://127.0.0.1:7880",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "s".repeat(32),
};

describe("configuration", () => {
  it("fills in the embedded defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe("file:./data/parley.db");
    expect(env.LIVEKIT_PUBLIC_URL).toBe("ws://127.0.0.1:7880");
    expect(env.ADMIN_EMAILS).toEqual([]);
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("derives wss:// from an https LiveKit URL", () => {
    expect(parseEnv({ ...valid, LIVEKIT_URL: "https://media.example.org" }).LIVEKIT_PUBLIC_URL).toBe("wss://media.example.org");
  });

  it("reads ADMIN_EMAILS as a trimmed, lower-cased list", () => {
    expect(parseEnv({ ...valid, ADMIN_EMAILS: " Boss@Example.org, ,it@example.org " }).ADMIN_EMAILS).toEqual(["boss@example.org", "it@example.org"]);
  });

  it("names every missing variable and how to fix it", () => {
    const error = (() => {
      try {
        parseEnv({});
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    for (const name of ["AUTH_SECRET", "NEXTAUTH_URL", "LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"]) expect(message).toContain(name);
    expect(message).toContain("openssl rand");
  });

  it("refuses a malformed value with the variable's name", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "postgres://db/parley" })).toThrow(/DATABASE_URL must be a SQLite file URL/);
    expect(() => parseEnv({ ...valid, LIVEKIT_API_SECRET: "short" })).toThrow(/LIVEKIT_API_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ...valid, NEXTAUTH_URL: "localhost" })).toThrow(/NEXTAUTH_URL must be a full URL/);
  });
});
