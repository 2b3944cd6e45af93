// Redis for LiveKit's multi-node mode on loopback, started from PATH (Debian's redis-server): the
// multi-node end-to-end test (tests/e2e/multi-node-stack.ts) and `bench:capacity -- --nodes 2`.
import { connect } from "node:net";
import { start, which, type Managed } from "../../scripts/lib/processes";

/** One command to Redis over its own protocol (RESP), e.g. ["HGET", "room_node_map", "abc"]. */
export function redisCommand(port: number, args: string[]): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      const bulk = /^\$(-?\d+)\r\n/.exec(reply);
      if (bulk && (Number(bulk[1]) < 0 || reply.length >= bulk[0].length + Number(bulk[1]) + 2)) {
        socket.end();
        resolve(Number(bulk[1]) < 0 ? null : reply.slice(bulk[0].length, bulk[0].length + Number(bulk[1])));
      } else if (/^[+:-].*\r\n/.test(reply)) {
        socket.end();
        resolve(reply.slice(1).trim());
      }
    });
    socket.on("error", reject);
    socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join("")}`);
  });
}

/** A Redis on 127.0.0.1:`port` that keeps nothing on disk, once it answers PING. */
export async function startRedis(port: number, logFile: string): Promise<Managed> {
  const redisServer = which("redis-server");
  if (!redisServer)
    throw new Error(
      "redis-server is not installed (Debian: apt-get install redis-server); LiveKit's multi-node mode needs it.",
    );
  const redis = start(
    "redis-server",
    redisServer,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { logFile },
  );
  for (let tries = 0; (await redisCommand(port, ["PING"]).catch(() => null)) !== "PONG"; tries++) {
    if (tries > 100) {
      await redis.stop();
      throw new Error("redis-server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return redis;
}
