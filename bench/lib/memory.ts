// Resident memory of a part of the stack (a process and everything it started), read from /proc.
import { readFileSync } from "node:fs";
import { descendants } from "./cpu";

function residentKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0; // gone
  }
}

/** MiB resident in `root` and its descendants now (shared pages count once per process). */
export function residentMiB(root: number): number {
  const kib = [root, ...descendants(root).map((stat) => stat.pid)].reduce((sum, pid) => sum + residentKiB(pid), 0);
  return Math.round((kib / 1024) * 10) / 10;
}
