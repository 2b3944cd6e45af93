// Figures: percentiles, the machine they were measured on, a JSON file per run in bench/results/,
// and markdown table rows to paste into docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RESULTS_DIR } from "./stack";

export { median, percentile } from "./percentile";

export type Machine = { cores: number; cpu: string; loadAverage: number[]; node: string; commit: string; date: string };

export function machine(): Machine {
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const dirty =
    spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).stdout.trim() !== "";
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    commit: commit + (dirty ? "+changes" : ""),
    date: new Date().toISOString(),
  };
}

/** Writes bench/results/<name>.json (the latest run) and <name>-<time>.json (kept). */
export function writeResult(name: string, data: Record<string, unknown>): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const body = JSON.stringify({ benchmark: name, machine: machine(), ...data }, null, 2);
  writeFileSync(path.join(RESULTS_DIR, `${name}.json`), body);
  const kept = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(kept, body);
  return kept;
}

/** Prints a markdown table (header and rows) ready to paste. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  console.log(`| ${header.join(" | ")} |`);
  console.log(`| ${header.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

export function printMachine(): void {
  const { cores, cpu, loadAverage, commit, date } = machine();
  console.log(`machine: ${cores} cores (${cpu}), load average ${loadAverage.join(" ")}, commit ${commit}, ${date}`);
}

export const ms = (value: number) => `${Math.round(value)} ms`;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
