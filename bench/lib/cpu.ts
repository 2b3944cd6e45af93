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

/** Starts measuring; `stop()` gives the cores each role used on average since `start`. */
export function cpuMeter(roles: () => Roles) {
  const startedAt = performance.now();
  const before = ticksByRole(roles());
  return {
    stop(): Record<string, number> {
      const seconds = (performance.now() - startedAt) / 1000;
      const after = ticksByRole(roles());
      const cores: Record<string, number> = {};
      for (const role of Object.keys(after))
        cores[role] = Math.round(((after[role]! - (before[role] ?? 0)) / TICKS_PER_SECOND / seconds) * 100) / 100;
      return cores;
    },
  };
}

/** The pid of the first descendant of this process whose command name matches. */
export function findDescendant(pattern: RegExp, root = process.pid): number | null {
  return descendants(root).find((stat) => pattern.test(stat.comm))?.pid ?? null;
}
