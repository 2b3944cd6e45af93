// LiveKit's multi-node mode on loopback, for tests/e2e/multi-node.spec.ts: a Redis, two
// livekit-server nodes sharing it, and in front of them small TCP load balancers that send each
// new connection to the first node in their list that accepts it (as a load balancer with
// health checks would), so browsers can be pointed at node A or node B and still fail over.
// Two instances of the app share one database: one hands browsers the balancer that prefers
// node A, the other the one that prefers node B. The tests start, kill and stop all of it.
import { readFileSync } from "node:fs";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { RoomServiceClient } from "livekit-server-sdk";
import type { Managed } from "../../scripts/lib/processes";
import { migrate, startLiveKit, startNext, type AppEnv } from "../../scripts/lib/stack";
import { testStack } from "../support/config";
import { redisCommand, startRedis } from "../support/redis";

const config = testStack().multiNode;
const [appA, appB] = config.apps;
const key = appA.env.LIVEKIT_API_KEY;
const secret = appA.env.LIVEKIT_API_SECRET;

/** Forwards each new connection to the first of `ports` that accepts it; counts where each went. */
async function balancer(ports: number[], forwarded: Map<number, number>): Promise<Server> {
  const server = createServer((client: Socket) => {
    client.pause();
    const attempt = (index: number) => {
      if (index >= ports.length) return client.destroy();
      const upstream = connect(ports[index]!, "127.0.0.1");
      upstream.once("connect", () => {
        forwarded.set(ports[index]!, (forwarded.get(ports[index]!) ?? 0) + 1);
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.once("error", () => attempt(index + 1));
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

export type NodeName = "A" | "B";

export class MultiNodeStack {
  redis?: Managed;
  nodes: Partial<Record<NodeName, Managed>> = {};
  apps: Managed[] = [];
  private balancers: Server[] = [];
  /** Connections the balancers passed to each node's port (signalling and API calls). */
  private forwarded = new Map<number, number>();
  /** The apps' addresses: appUrls.A hands browsers node A first, appUrls.B node B first. */
  appUrls = { A: "", B: "" };

  private logFile = (name: string) => `${config.logDir}/multi-node-${name}.log`;

  async start(): Promise<void> {
    this.redis = await startRedis(config.redisPort, this.logFile("redis"));
    const [a, b] = config.nodes;
    const toA = await balancer([a.port, b.port], this.forwarded);
    const toB = await balancer([b.port, a.port], this.forwarded);
    this.balancers = [toA, toB];
    // Both apps reach LiveKit's API through the balancer that prefers node A.
    const envA: AppEnv = {
      ...appA.env,
      LIVEKIT_URL: `http://127.0.0.1:${portOf(toA)}`,
      LIVEKIT_PUBLIC_URL: `ws://127.0.0.1:${portOf(toA)}`,
    };
    const envB: AppEnv = {
      ...appB.env,
      LIVEKIT_URL: `http://127.0.0.1:${portOf(toA)}`,
      LIVEKIT_PUBLIC_URL: `ws://127.0.0.1:${portOf(toB)}`,
    };
    this.appUrls = { A: envA.NEXTAUTH_URL, B: envB.NEXTAUTH_URL };
    await this.startNode("A");
    await this.startNode("B");
    migrate(envA);
    this.apps = [
      await startNext("start", appA.port, envA, { logFile: appA.logFile }),
      await startNext("start", appB.port, envB, { logFile: appB.logFile }),
    ];
  }

  /** Both nodes send their webhooks to the first app (the two apps share the database). */
  async startNode(name: NodeName): Promise<void> {
    const ports = config.nodes[name === "A" ? 0 : 1];
    this.nodes[name] = await startLiveKit(
      { ...ports, redis: `127.0.0.1:${config.redisPort}` },
      key,
      secret,
      [this.appUrls.A],
      this.logFile(`node-${name}`),
    );
  }

  async killNode(name: NodeName): Promise<void> {
    await this.nodes[name]?.stop("SIGKILL");
    delete this.nodes[name];
  }

  /** How many connections went to node `name` so far. */
  connectionsTo(name: NodeName): number {
    return this.forwarded.get(config.nodes[name === "A" ? 0 : 1].port) ?? 0;
  }

  /** The node's id, as it logged it when it started. */
  nodeId(name: NodeName): string {
    const ids = [...readFileSync(this.logFile(`node-${name}`), "utf8").matchAll(/"nodeID": "(ND_\w+)"/g)];
    return ids[ids.length - 1]![1]!;
  }

  /** Which node hosts the room, as LiveKit records it in Redis. */
  async hostOf(room: string): Promise<NodeName | null> {
    const id = await redisCommand(config.redisPort, ["HGET", "room_node_map", room]);
    return id === this.nodeId("A") ? "A" : id === this.nodeId("B") ? "B" : null;
  }

  /** LiveKit's server API through a node that is up. */
  roomService(): RoomServiceClient {
    const up = this.nodes.A ? config.nodes[0] : config.nodes[1];
    return new RoomServiceClient(`http://127.0.0.1:${up.port}`, key, secret);
  }

  async stop(): Promise<void> {
    for (const app of this.apps) await app.stop();
    for (const name of ["A", "B"] as const) await this.nodes[name]?.stop();
    await this.redis?.stop();
    for (const server of this.balancers) {
      server.close();
    }
  }
}
