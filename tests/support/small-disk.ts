// A small disk for tests of what happens when one fills: a tmpfs of a given size mounted over a
// folder in a mount namespace of its own, so that only the processes started through `wrapper`
// see it, and it vanishes with the namespace (even when the test dies). Needs root, or whatever
// lets `unshare --mount` mount a tmpfs.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type SmallDisk = {
  /** Starts a process inside the namespace that has the small disk (for start()'s `wrapper`). */
  wrapper: string[];
  /** Makes the disk this many bytes large (as an administrator freeing space would). */
  resize(bytes: number): void;
  /** Ends the namespace; the tmpfs and all on it go. */
  release(): void;
};

/** A command mounting a tmpfs of `bytes` over `folder` in a new mount namespace, then running `then`. */
const mountTmpfs = (bytes: number, folder: string, then: string) => [
  "unshare",
  "--mount",
  "--propagation",
  "private",
  "sh",
  "-c",
  `mount -t tmpfs -o size="$1" parley-small-disk "$2" && echo mounted && ${then}`,
  "sh",
  String(bytes),
  folder,
];

/** Whether this machine lets the tests mount a small disk (root in a container, as on CI). */
export function smallDisksPossible(): boolean {
  const folder = mkdtempSync(path.join(tmpdir(), "parley-small-disk-"));
  try {
    const [command, ...args] = mountTmpfs(1 << 20, folder, "true");
    return spawnSync(command!, args, { encoding: "utf8", timeout: 10_000 }).stdout.includes("mounted");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function smallDiskAt(folder: string, bytes: number): Promise<SmallDisk> {
  mkdirSync(folder, { recursive: true });
  const [command, ...args] = mountTmpfs(bytes, path.resolve(folder), "exec sleep 86400");
  const holder = spawn(command!, args, { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let errors = "";
    holder.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    holder.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("mounted")) resolve();
    });
    holder.once("exit", (code) => reject(new Error(`could not mount a small disk (exit ${code}): ${errors.trim()}`)));
  });
  // unshare and sh exec in turn, so the holder's pid is the process that keeps the namespace.
  // nsenter would start it in / otherwise.
  const inside = ["nsenter", `--target=${holder.pid}`, "--mount", `--wd=${process.cwd()}`, "--"];
  return {
    wrapper: inside,
    resize(size) {
      const [run, ...runArgs] = [...inside, "mount", "-o", `remount,size=${size}`, path.resolve(folder)];
      const result = spawnSync(run!, runArgs, { encoding: "utf8" });
      if (result.status !== 0) throw new Error(`could not resize the small disk: ${result.stderr.trim()}`);
    },
    release() {
      holder.kill("SIGKILL");
    },
  };
}
