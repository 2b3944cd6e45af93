// The app's live JavaScript heap: V8's heap in use right after a full garbage collection, asked
// through the inspector (the app started with `--inspect`). Resident memory depends on when V8
// last collected, which with a large old generation can be minutes apart; this does not, so what
// grows from one run to the next is what the app keeps.
import { once } from "node:events";
import WebSocket from "ws";

type Reply = { id: number; result?: Record<string, unknown>; error?: { message: string } };

export const inspectArg = (port: number) => `--inspect=127.0.0.1:${port}`;

export async function liveHeapMiB(inspectorPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const target = targets[0];
  if (!target) throw new Error(`No inspector target on port ${inspectorPort}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await once(socket, "open");
  const waiting = new Map<number, (reply: Reply) => void>();
  socket.on("message", (data: Buffer) => {
    const reply = JSON.parse(data.toString()) as Reply;
    waiting.get(reply.id)?.(reply);
  });
  let lastId = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, (reply) => (reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result ?? {})));
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call("HeapProfiler.collectGarbage");
    const { usedSize } = (await call("Runtime.getHeapUsage")) as { usedSize: number };
    return Math.round((usedSize / 1024 / 1024) * 10) / 10;
  } finally {
    socket.close();
  }
}
