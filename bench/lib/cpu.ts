// CPU used by this benchmark's own processes (and their children), read from /proc: how many
// cores' worth each of livekit-server, the app, Chromium and the load generator used.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export type Stat = { pid: number; ppid: number; comm: string; ticks: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, ppid: Number(fields[1]), comm, ticks };
  } catch {
    return null; // gone
  }
}

/** Every process below `root` (children, their children, ...). */
export function descendants(root: number): Stat[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
  const children = new Map<number, Stat[]>();
  for (const stat of all) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const found: Stat[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Which part of the stack a process is, by the name of the root it descends from. */
export type Roles = Record<string, number>; // role -> pid of the process that role's tree starts at

function ticksByRole(roles: Roles): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [role, pid] of Object.entries(roles)) {
    const self = readStat(pid);
    result[role] = (self?.ticks ?? 0) + descendants(pid).reduce((sum, stat) => sum + stat.ticks, 0);
  }
  return result;
}

/** Starts measuring `read` (ticks by name); `stop()` gives the cores each name used on average since. */
function tickMeter(read: () => Record<string, number>) {
  const startedAt = performance.now();
  const before = read();
  return {
    stop(): Record<string, number> {
      const seconds = (performance.now() - startedAt) / 1000;
      const after = read();
      const cores: Record<string, number> = {};
      for (const name of Object.keys(after))
        // To 0.001 of a core (one tick over 15 s is 0.0007): a total summed from parts rounded to
        // 0.01 could be off by 0.03.
        cores[name] = Math.round(((after[name]! - (before[name] ?? 0)) / TICKS_PER_SECOND / seconds) * 1000) / 1000;
      return cores;
    },
  };
}

/** Starts measuring; `stop()` gives the cores each role used on average since `start`. */
export const cpuMeter = (roles: () => Roles) => tickMeter(() => ticksByRole(roles()));

/**
 * What kind of Chromium process this is, from its command line: "browser" (the root), "renderer",
 * "gpu-process", or a utility process by its service ("audio", "video_capture", "network"...).
 */
function chromiumKind(pid: number, root: number): string {
  if (pid === root) return "browser";
  let args: string[];
  try {
    // Chromium rewrites its children's titles: their arguments are separated by spaces, not NULs.
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0 ]/);
  } catch {
    return "gone";
  }
  const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const type = value("type");
  if (type !== "utility") return type ?? "other";
  // e.g. audio.mojom.AudioService, video_capture.mojom.VideoCaptureService
  return (value("utility-sub-type") ?? "utility").split(".")[0]!;
}

function ticksByChromiumKind(root: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const stat of [readStat(root), ...descendants(root)]) {
    if (!stat) continue;
    const kind = chromiumKind(stat.pid, root);
    result[kind] = (result[kind] ?? 0) + stat.ticks;
  }
  return result;
}

/** Like cpuMeter, for one Chromium: the cores each kind of its processes used. */
export const chromiumCpuMeter = (root: number) => tickMeter(() => ticksByChromiumKind(root));

/** The pid of the first descendant of this process whose command name matches. */
export function findDescendant(pattern: RegExp, root = process.pid): number | null {
  return descendants(root).find((stat) => pattern.test(stat.comm))?.pid ?? null;
}
