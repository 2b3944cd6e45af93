// parley-recorder (recorder/): Parley's own Go program, so unlike livekit-server it is built
// from this checkout's sources, not installed from the module proxy. Found in this order:
// RECORDER_BIN, ./.recorder/bin/parley-recorder-<hash>, ~/.cache/parley/parley-recorder-<hash>,
// then `go build` (the first build on a machine takes about 2.5 minutes; then seconds). <hash> is
// of the recorder's sources, so a change to them builds a new binary and an old one is never used.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { start, waitForHttp, which, type Managed } from "./processes";

const SOURCE_DIR = path.resolve("recorder");

/** A hash of what the binary is built from: go.mod, go.sum and the Go files (tests left out). */
export function recorderSourceHash(dir = SOURCE_DIR): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir)
    .filter((name) => name === "go.mod" || name === "go.sum" || (name.endsWith(".go") && !name.endsWith("_test.go")))
    .sort();
  for (const name of files) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(path.join(dir, name)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const binaryName = (hash: string) => `parley-recorder-${hash}`;

export function findOrBuildRecorder(environment: NodeJS.ProcessEnv = process.env): string {
  const explicit = environment.RECORDER_BIN;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`RECORDER_BIN points to ${explicit}, which does not exist.`);
    return explicit;
  }
  const name = binaryName(recorderSourceHash());
  const projectBin = path.resolve(".recorder", "bin", name);
  const cachedBin = path.join(homedir(), ".cache", "parley", name);
  if (existsSync(projectBin)) return projectBin;
  mkdirSync(path.dirname(projectBin), { recursive: true });
  if (existsSync(cachedBin)) {
    copyFileSync(cachedBin, projectBin);
    return projectBin;
  }
  const go = which("go") ?? (existsSync("/usr/local/go/bin/go") ? "/usr/local/go/bin/go" : null);
  if (!go)
    throw new Error(
      "parley-recorder is not built and Go is not installed to build it. Install Go 1.26, then run `npm run recorder:install`; or set RECORDER_BIN.",
    );
  console.log("Building parley-recorder with go build (first time on this machine: a few minutes)...");
  const building = `${projectBin}.building`;
  const result = spawnSync(go, ["build", "-trimpath", "-o", building, "."], { cwd: SOURCE_DIR, stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`go build of recorder/ failed (exit ${result.status}); see the output above.`);
  renameSync(building, projectBin);
  mkdirSync(path.dirname(cachedBin), { recursive: true });
  copyFileSync(projectBin, cachedBin);
  return projectBin;
}

export type RecorderInstance = { port: number; secret: string; dir: string; logFile?: string };

export const recorderUrl = (recorder: RecorderInstance) => `http://127.0.0.1:${recorder.port}`;

/** Starts the recorder service on loopback; the app reaches it at recorderUrl() with the same secret. */
export async function startRecorder(recorder: RecorderInstance, wrapper?: string[]): Promise<Managed> {
  mkdirSync(recorder.dir, { recursive: true });
  const proc = start("parley-recorder", findOrBuildRecorder(), [], {
    env: {
      RECORDER_LISTEN: `127.0.0.1:${recorder.port}`,
      RECORDER_SECRET: recorder.secret,
      RECORDER_DIR: path.resolve(recorder.dir),
    },
    logFile: recorder.logFile,
    wrapper,
  });
  await waitForHttp(`${recorderUrl(recorder)}/health`, proc, 30_000);
  return proc;
}
