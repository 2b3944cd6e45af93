import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EnvError, envSchema, parseEnv } from "@/lib/env";
import { DEV_LIVEKIT, localLiveKitConfig } from "../../scripts/lib/livekit-config";
import { LIVEKIT_SERVER_VERSION } from "../../scripts/lib/livekit-server";
import { APP_NODE_ARGS } from "../../scripts/lib/stack";

type Service = {
  image?: string;
  build?: string;
  command?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: string[];
};
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const livekit = parse(readFileSync("livekit.yaml", "utf8")) as {
  port: number;
  rtc: { tcp_port: number; udp_port: number };
  redis: { address: string };
  room: { auto_create: boolean; empty_timeout: number };
  webhook: { api_key: string; urls: string[] };
  turn: {
    enabled: boolean;
    tls_port: number;
    udp_port: number;
    relay_range_start: number;
    relay_range_end: number;
    domain?: string;
    cert_file?: string;
  };
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
    // the version the tests run (scripts/lib/livekit-server.ts)
    expect(media?.image).toBe(`livekit/livekit-server:${LIVEKIT_SERVER_VERSION}`);
    expect(redis?.image).toMatch(/^redis:/);
  });

  it("gives the app every variable it requires", () => {
    const required = requiredVariables();
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(Object.keys(app!.environment!), name).toContain(name);
  });

  it("passes the app every optional setting people configure in .env (rate limits keep their defaults)", () => {
    const configurable = Object.keys(envSchema.shape).filter(
      (name) => name !== "NODE_ENV" && !name.startsWith("TEST_ONLY_") && !name.startsWith("RATE_LIMIT_"),
    );
    for (const name of configurable) expect(Object.keys(app!.environment!), name).toContain(name);
  });

  it("points the app at the LiveKit service on the port livekit.yaml configures", () => {
    expect(app!.environment!.LIVEKIT_URL).toBe(`http://livekit:${livekit.port}`);
  });

  it("publishes LiveKit's API, TCP and UDP media ports as livekit.yaml sets them", () => {
    expect(media!.ports).toEqual(
      expect.arrayContaining([
        `${livekit.port}:${livekit.port}`,
        `${livekit.rtc.tcp_port}:${livekit.rtc.tcp_port}`,
        `${livekit.rtc.udp_port}:${livekit.rtc.udp_port}/udp`,
      ]),
    );
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

  it("gives Redis a password from .env, and LiveKit the same one", () => {
    const password = media!.environment!.REDIS_PASSWORD!;
    expect(password).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    const command = redis!.command as string[];
    expect(command[command.indexOf("--requirepass") + 1]).toBe(password);
    expect(livekit.redis).not.toHaveProperty("password"); // no secrets in the repository
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

describe("recording in docker compose", () => {
  const recorder = compose.services.recorder;

  it("runs parley-recorder from its own folder, with the app's secret, on the volume the app reads", () => {
    expect(recorder?.build).toBe("./recorder");
    expect(recorder!.environment!.RECORDER_SECRET).toMatch(/^\$\{RECORDER_SECRET:\?/);
    expect(app!.environment!.RECORDER_SECRET).toBe(recorder!.environment!.RECORDER_SECRET);
    const port = recorder!.environment!.RECORDER_LISTEN!.split(":")[1];
    expect(app!.environment!.RECORDER_URL).toBe(`http://recorder:${port}`);
    const shared = recorder!.volumes!.find((volume) => volume.endsWith(`:${recorder!.environment!.RECORDER_DIR}`));
    expect(app!.volumes).toContain(`${shared!.split(":")[0]}:${app!.environment!.RECORDINGS_DIR}`);
    expect(Object.keys(compose.volumes)).toContain(shared!.split(":")[0]);
    expect(recorder!.ports).toBeUndefined(); // reached by the app only
  });

  it("has ffmpeg in the app's image, to compose recordings", () => {
    expect(dockerfile).toMatch(/apt-get install[^\n]* ffmpeg/);
  });
});

describe("TURN in docker compose", () => {
  it("runs LiveKit's TURN over TLS and over UDP, and publishes its ports", () => {
    expect(livekit.turn.enabled).toBe(true);
    // LiveKit tells browsers turns:<domain>:443, whatever port it listens on itself.
    expect(media!.ports).toContain(
      `\${TURN_IP:?set TURN_IP in .env: the public IP address TURN_DOMAIN points at}:443:${livekit.turn.tls_port}`,
    );
    expect(media!.ports).toContain(`${livekit.turn.udp_port}:${livekit.turn.udp_port}/udp`);
    const range = `${livekit.turn.relay_range_start}-${livekit.turn.relay_range_end}`;
    expect(media!.ports).toContain(`${range}:${range}/udp`);
  });

  it("names the TURN domain and its certificate from .env, and mounts the certificate where LiveKit looks", () => {
    expect(livekit.turn.domain).toBeUndefined();
    expect(livekit.turn.cert_file).toBeUndefined();
    const environment = media!.environment!;
    expect(environment.LIVEKIT_TURN_DOMAIN).toMatch(/^\$\{TURN_DOMAIN:\?/);
    const certDir = path.posix.dirname(environment.LIVEKIT_TURN_CERT!);
    expect(path.posix.dirname(environment.LIVEKIT_TURN_KEY!)).toBe(certDir);
    expect(media!.volumes!.some((volume) => volume.endsWith(`:${certDir}:ro`))).toBe(true);
  });
});

describe("LiveKit on one machine (npm run dev and the tests)", () => {
  it("runs TURN on loopback, relaying to the media server on loopback", () => {
    const config = parse(
      localLiveKitConfig({ port: 1, rtcTcpPort: 2, rtcUdpPort: 3, turn: { udpPort: 4, relayPorts: [5, 6] } }),
    ) as { turn: Record<string, unknown>; rtc: Record<string, unknown> };
    // Media only on loopback, where the relay is allowed to send: an answer from another address
    // of the machine would be dropped by the relay.
    expect(config.rtc).toMatchObject({ node_ip: "127.0.0.1", ips: { includes: ["127.0.0.1/32"] } });
    expect(config.turn).toEqual({
      enabled: true,
      udp_port: 4,
      relay_range_start: 5,
      relay_range_end: 6,
      bind_addresses: ["127.0.0.1"],
      allow_restricted_peer_cidrs: ["127.0.0.0/8"],
    });
    expect(DEV_LIVEKIT.turn).toBeDefined();
  });

  it("leaves out what the older fallback server does not know (it parses its config strictly)", () => {
    const config = parse(
      localLiveKitConfig(
        { port: 1, rtcTcpPort: 2, rtcUdpPort: 3, turn: { udpPort: 4, relayPorts: [5, 6] } },
        undefined,
        "1.9.12",
      ),
    ) as { turn: Record<string, unknown> };
    expect(config.turn).toEqual({ enabled: true, udp_port: 4, relay_range_start: 5, relay_range_end: 6 });
  });
});

describe("the backups in docker compose", () => {
  const backup = compose.services.backup;

  it("copy the app's database file, from the same volume, onto a volume of their own on a schedule", () => {
    expect(backup?.build).toBe(".");
    expect(backup!.environment!.DATABASE_URL).toBe(app!.environment!.DATABASE_URL);
    expect(backup!.volumes).toContain(app!.volumes![0]);
    const target = backup!.volumes!.find((volume) => volume.endsWith(`:${backup!.environment!.BACKUP_DIR}`));
    expect(target).toBeDefined();
    expect(Object.keys(compose.volumes)).toContain(target!.split(":")[0]);
    expect(backup!.command).toEqual(["sh", "scripts/backup-schedule.sh"]);
    expect(readFileSync("scripts/backup-schedule.sh", "utf8")).toMatch(/npm run -s db:backup -- /);
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts["db:backup"]).toBe("tsx scripts/db-backup.ts");
  });
});

describe("the production server", () => {
  it("runs with the Node.js options the tests and benchmarks run it with", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(
      `prisma migrate deploy && node ${APP_NODE_ARGS.join(" ")} node_modules/next/dist/bin/next start`,
    );
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
  });
});
