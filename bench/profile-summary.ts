// npx tsx bench/profile-summary.ts <file.cpuprofile> [top] — where a V8 CPU profile's time went:
// self time by part (Prisma and its query compiler, SQLite, Next.js, React, Node.js, garbage
// collection, the app's own modules) and the functions with the most self time. For profiles of
// the app written with BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/results/profiles".
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

const PARTS: [string, (url: string, name: string) => boolean][] = [
  ["idle", (_, name) => name === "(idle)"],
  ["garbage collection", (_, name) => name === "(garbage collector)"],
  ["program (V8, native)", (_, name) => name === "(program)"],
  ["Prisma query compiler (WebAssembly)", (url) => url.startsWith("wasm://")],
  ["Prisma runtime", (url) => /prisma/i.test(url)],
  ["better-sqlite3", (url, name) => /better-sqlite3/.test(url) || (/^(get|all|run|prepare)$/.test(name) && url === "")],
  ["React", (url) => /react-dom|react-server|\/react\//.test(url)],
  ["Next.js", (url) => /next\/dist|\.next\/server\/chunks\/.*(next|node_modules)|\[root-of-the-server\]/.test(url)],
  ["livekit-server-sdk, jose", (url) => /livekit|jose/.test(url)],
  ["next-auth", (url) => /next-auth/.test(url)],
  ["zod", (url) => /zod/.test(url)],
  ["Node.js internals", (url) => url.startsWith("node:") || url === ""],
  ["app chunks (.next/server)", (url) => url.includes(".next/server")],
  ["other node_modules", (url) => url.includes("node_modules")],
];

const selfTime = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i]!;
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfTime.values()].reduce((sum, t) => sum + t, 0);
const parts = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, time] of selfTime) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const part = PARTS.find(([, test]) => test(url, functionName))?.[0] ?? "other";
  parts.set(part, (parts.get(part) ?? 0) + time);
  const key = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + time);
}
const idle = parts.get("idle") ?? 0;
const busy = total - idle;
const pct = (time: number) => `${((time / busy) * 100).toFixed(1)} %`;
console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (shares below are of busy time)`,
);
for (const [part, time] of [...parts].sort((a, b) => b[1] - a[1]))
  if (part !== "idle") console.log(`  ${pct(time).padStart(7)}  ${part}`);
console.log(`top functions by self time:`);
for (const [name, time] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25)))
  console.log(`  ${pct(time).padStart(7)}  ${name}`);
