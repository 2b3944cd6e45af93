import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const valid = {
  AUTH_SECRET: "a".repeat(32),
  NEXTAUTH_URL: "http://localhost:3000",
  LIVEKIT_URL: "http://127.0.0.1:7880",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "s".repeat(32),
};

describe("account and mail settings", () => {
  it("default to open sign-up and no mail", () => {
    const env = parseEnv(valid);
    expect(env.SIGNUP).toBe("open");
    expect(env.SIGNUP_DOMAINS).toEqual([]);
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("read SIGNUP and its domains, and refuse domains without a list", () => {
    expect(
      parseEnv({ ...valid, SIGNUP: "domains", SIGNUP_DOMAINS: " Example.org, corp.example " }).SIGNUP_DOMAINS,
    ).toEqual(["example.org", "corp.example"]);
    expect(() => parseEnv({ ...valid, SIGNUP: "domains" })).toThrow(/SIGNUP_DOMAINS is required with SIGNUP=domains/);
    expect(() => parseEnv({ ...valid, SIGNUP: "domains", SIGNUP_DOMAINS: "not a domain" })).toThrow(
      /SIGNUP_DOMAINS must be domain names/,
    );
    expect(() => parseEnv({ ...valid, SIGNUP: "friends" })).toThrow(
      /SIGNUP must be "open", "domains", "invite" or "closed"/,
    );
  });

  it("take an SMTP URL with a sender, and nothing else", () => {
    expect(
      parseEnv({ ...valid, SMTP_URL: "smtps://u:p@mail.example.org:465", MAIL_FROM: "Parley <p@example.org>" })
        .SMTP_URL,
    ).toBe("smtps://u:p@mail.example.org:465");
    expect(() => parseEnv({ ...valid, SMTP_URL: "smtp://mail.example.org" })).toThrow(
      /MAIL_FROM is required with SMTP_URL/,
    );
    expect(() => parseEnv({ ...valid, SMTP_URL: "http://mail.example.org", MAIL_FROM: "x@y.z" })).toThrow(
      /SMTP_URL must be an SMTP URL/,
    );
  });
});
