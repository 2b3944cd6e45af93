import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { errorMessage } from "@/lib/error-message";

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
    expect(env.TRUST_PROXY).toBe(0);
    expect(env.RATE_LIMIT_SIGN_IN_PER_EMAIL).toEqual({ limit: 10, windowMs: 15 * 60_000 });
    expect(env.RATE_LIMIT_SIGN_IN_PER_IP).toEqual({ limit: 30, windowMs: 15 * 60_000 });
    expect(env.RATE_LIMIT_SIGN_UP_PER_IP).toEqual({ limit: 10, windowMs: 3_600_000 });
    expect(env.RATE_LIMIT_JOIN_PER_CALLER).toEqual({ limit: 60, windowMs: 60_000 });
  });

  it("takes an empty value as no value, as docker compose passes an unset ${VAR:-}", () => {
    const env = parseEnv({ ...valid, SMTP_URL: "", SSO_ISSUER: "", SIGNUP: "", RATE_LIMIT_JOIN_PER_CALLER: "" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SSO_ISSUER).toBeUndefined();
    expect(env.SIGNUP).toBe(parseEnv(valid).SIGNUP);
    expect(env.RATE_LIMIT_JOIN_PER_CALLER).toEqual({ limit: 60, windowMs: 60_000 });
  });

  it("reads rate limits as <count>/<window> and TRUST_PROXY as a number of proxies", () => {
    expect(parseEnv({ ...valid, RATE_LIMIT_JOIN_PER_CALLER: "120/30s" }).RATE_LIMIT_JOIN_PER_CALLER).toEqual({
      limit: 120,
      windowMs: 30_000,
    });
    expect(parseEnv({ ...valid, RATE_LIMIT_SIGN_UP_PER_IP: " 3 / 2h " }).RATE_LIMIT_SIGN_UP_PER_IP).toEqual({
      limit: 3,
      windowMs: 7_200_000,
    });
    for (const bad of ["10", "10/15", "0/1m", "ten/1m", "10/15d", "-1/1m"]) {
      expect(() => parseEnv({ ...valid, RATE_LIMIT_SIGN_IN_PER_IP: bad }), bad).toThrow(
        /RATE_LIMIT_SIGN_IN_PER_IP must be "<count>\/<window>"/,
      );
    }
    expect(parseEnv({ ...valid, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ ...valid, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ ...valid, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ ...valid, TRUST_PROXY: "yes please" })).toThrow(
      /TRUST_PROXY must be "false", "true" or the number of proxies/,
    );
  });

  it("derives wss:// from an https LiveKit URL", () => {
    expect(parseEnv({ ...valid, LIVEKIT_URL: "https://media.example.org" }).LIVEKIT_PUBLIC_URL).toBe(
      "wss://media.example.org",
    );
  });

  it("reads ADMIN_EMAILS as a trimmed, lower-cased list", () => {
    expect(parseEnv({ ...valid, ADMIN_EMAILS: " Boss@Example.org, ,it@example.org " }).ADMIN_EMAILS).toEqual([
      "boss@example.org",
      "it@example.org",
    ]);
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
    const message = errorMessage(error);
    for (const name of ["AUTH_SECRET", "NEXTAUTH_URL", "LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"])
      expect(message).toContain(name);
    expect(message).toContain("openssl rand");
  });

  it("refuses a malformed value with the variable's name", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "postgres://db/parley" })).toThrow(
      /DATABASE_URL must be a SQLite file URL/,
    );
    expect(() => parseEnv({ ...valid, LIVEKIT_API_SECRET: "short" })).toThrow(
      /LIVEKIT_API_SECRET must be at least 32 characters/,
    );
    expect(() => parseEnv({ ...valid, NEXTAUTH_URL: "localhost" })).toThrow(/NEXTAUTH_URL must be a full URL/);
  });
});

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

describe("single sign-on settings", () => {
  const sso = {
    SSO_ISSUER: "https://sso.example.org/realms/staff",
    SSO_CLIENT_ID: "parley",
    SSO_CLIENT_SECRET: "a secret",
  };

  it("are off by default, with password sign-in on", () => {
    const env = parseEnv(valid);
    expect(env.SSO_ISSUER).toBeUndefined();
    expect(env.PASSWORD_SIGN_IN).toBe("on");
    expect(env.SSO_SCOPES).toBe("openid email profile");
    expect(env.SSO_GROUPS_CLAIM).toBe("groups");
  });

  it("need the issuer, client id and secret together", () => {
    expect(parseEnv({ ...valid, ...sso }).SSO_CLIENT_ID).toBe("parley");
    expect(() => parseEnv({ ...valid, SSO_ISSUER: sso.SSO_ISSUER })).toThrow(
      /SSO_CLIENT_ID, SSO_CLIENT_SECRET required for single sign-on/,
    );
  });

  it("want https, except for a provider on this machine", () => {
    expect(() => parseEnv({ ...valid, ...sso, SSO_ISSUER: "http://sso.example.org" })).toThrow(
      /SSO_ISSUER must be an https:\/\/ URL/,
    );
    for (const local of ["http://localhost:9000", "http://127.0.0.2:9000", "http://[::1]:9000"])
      expect(parseEnv({ ...valid, ...sso, SSO_ISSUER: local }).SSO_ISSUER).toBe(local);
    expect(() => parseEnv({ ...valid, ...sso, SSO_ISSUER: "http://127.example.org" })).toThrow(
      /SSO_ISSUER must be an https:\/\/ URL/,
    );
  });

  it("refuse scopes without openid, and PASSWORD_SIGN_IN=off without single sign-on", () => {
    expect(() => parseEnv({ ...valid, ...sso, SSO_SCOPES: "email profile" })).toThrow(/must include "openid"/);
    expect(() => parseEnv({ ...valid, PASSWORD_SIGN_IN: "off" })).toThrow(/PASSWORD_SIGN_IN=off needs single sign-on/);
    expect(parseEnv({ ...valid, ...sso, PASSWORD_SIGN_IN: "off" }).PASSWORD_SIGN_IN).toBe("off");
  });
});
