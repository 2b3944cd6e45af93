import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EnvError, parseEnv } from "@/lib/env";
import { APP_NODE_ARGS } from "../../scripts/lib/stack";

type Service = { image?: string; build?: string; command?: string | string[]; environment?: Record<string, string>; ports?: string[]; volumes?: string[]; depends_on?: string[] };
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const livekit = parse(readFileSync("livekit.yaml", "utf8")) as {
  port: number;
  rtc: { tcp_port: number; udp_port: number };
  redis: { address: string };
  room: { auto_create: boolean; empty_timeout: number };
  webhook: { api_key: string; urls: string[] };
  keys?: unknown;
};
const dockerfile = readFileSync("Dockerfile", "utf8");
const { app, livekit: media, redis } = compose.services as Record<"app" | "livekit" | "redis", Service>;

function requiredVariables(): string[] {
  try {
    parseEnv({});
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return [...error.message.matchAll(/^ {2}- (\w+)/gm)].map((match) => match[1]!);
  }
}

describe("the docker compose deployment", () => {
  it("has the app, livekit-server and Redis", () => {
    expect(app?.build).toBe(".");
    expect(media?.image).toMatch(/^livekit\/livekit-server:v\d+\.\d+\.\d+$/);
    expect(redis?.image).toMatch(/^redis:/);
  });

  it("gives the app every variable it requires", () => {
    const required = requiredVariables();
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(Object.keys(app!.environment!), name).toContain(name);
  });

  it("points the app at the LiveKit service on the port livekit.yaml configures", () => {
    expect(app!.environment!.LIVEKIT_URL).toBe(`http://livekit:${livekit.port}`);
  });

  it("publishes LiveKit's API, TCP and UDP media ports as livekit.yaml sets them", () => {
    expect(media!.ports).toEqual(expect.arrayContaining([`${livekit.port}:${livekit.port}`, `${livekit.rtc.tcp_port}:${livekit.rtc.tcp_port}`, `${livekit.rtc.udp_port}:${livekit.rtc.udp_port}/udp`]));
  });

  it("gives LiveKit the same key and secret as the app, and Redis by its service name", () => {
    const [keyName, secret] = media!.environment!.LIVEKIT_KEYS!.split(": ");
    expect(app!.environment!.LIVEKIT_API_KEY).toBe(keyName);
    expect(secret).toMatch(/^\$\{LIVEKIT_API_SECRET/);
    expect(app!.environment!.LIVEKIT_API_SECRET).toMatch(/^\$\{LIVEKIT_API_SECRET/);
    expect(livekit.redis.address).toBe("redis:6379");
    expect(media!.depends_on).toContain("redis");
    expect(livekit.keys).toBeUndefined(); // no secrets in the repository
  });

  it("mounts livekit.yaml and keeps the SQLite file on a named volume", () => {
    expect(media!.volumes).toContain("./livekit.yaml:/etc/livekit.yaml:ro");
    expect(media!.command).toBe("--config /etc/livekit.yaml");
    const [volume, mountPath] = app!.volumes![0]!.split(":");
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(app!.environment!.DATABASE_URL).toBe(`file:${mountPath}/parley.db`);
  });

  it("serves the app on the port the image exposes, to the reverse proxy on this machine only", () => {
    expect(dockerfile).toMatch(/EXPOSE 3000/);
    expect(dockerfile).toMatch(/PORT=3000/);
    expect(app!.ports).toEqual(["127.0.0.1:3000:3000"]);
  });

  it("trusts that one proxy's X-Forwarded-For, so rate limits count visitors, not the proxy", () => {
    expect(app!.environment!.TRUST_PROXY).toBe("1");
  });

  it("sends LiveKit's webhooks to the app, signed with the app's key", () => {
    expect(livekit.webhook.api_key).toBe(app!.environment!.LIVEKIT_API_KEY);
    expect(livekit.webhook.urls).toEqual(["http://app:3000/api/livekit/webhook"]);
  });

  it("lets no one open rooms on the media server by joining", () => {
    expect(livekit.room.auto_create).toBe(false);
    expect(livekit.room.empty_timeout).toBeGreaterThan(0);
  });
});

describe("the production server", () => {
  it("runs with the Node.js options the tests and benchmarks run it with", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`prisma migrate deploy && node ${APP_NODE_ARGS.join(" ")} node_modules/next/dist/bin/next start`);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
  });
});
