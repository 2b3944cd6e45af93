// Starting, waiting for and stopping the processes that make up a local Parley.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";

/** `stop()` asks the process to end (SIGTERM, then SIGKILL after 5 s); `stop("SIGKILL")` crashes it. */
export type Managed = { name: string; child: ChildProcess; stop: (signal?: NodeJS.Signals) => Promise<void> };

export type Vars = Record<string, string | undefined>;

/** `wrapper`: a command the process is started through, e.g. ["nsenter", "--target", pid, "--mount", "--"]. */
export type StartOptions = { env?: Vars; logFile?: string; cwd?: string; wrapper?: string[] };

export function start(name: string, command: string, args: string[], options: StartOptions = {}): Managed {
  // The child writes its log file itself. Piping through this process would stall the child
  // (livekit-server blocks on a full pipe while holding room locks) whenever this process
  // is busy, e.g. inside spawnSync.
  const log = options.logFile ? openSync(options.logFile, "a") : undefined;
  const [program, ...programArgs] = [...(options.wrapper ?? []), command, ...args];
  const child = spawn(program!, programArgs, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: log === undefined ? "inherit" : ["ignore", log, log],
    detached: true, // own process group, so stop() also ends its children
  });
  if (log !== undefined) closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child, signal);
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Polls a URL until it answers 2xx, the process dies, or the time runs out. */
export async function waitForHttp(url: string, proc: Managed, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null)
      throw new Error(`${proc.name} exited with code ${proc.child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${proc.name} did not answer at ${url} within ${timeoutMs / 1000}s`);
}

/** Runs a command to completion with inherited output; returns its exit code. */
export function run(command: string, args: string[], env: Vars = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Where `command` is on PATH, or null. */
export function which(command: string): string | null {
  const result = spawnSync("sh", ["-c", `command -v "${command}"`], { encoding: "utf8" });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : null;
}
