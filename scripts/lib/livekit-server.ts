// Finds the livekit-server binary, or builds the pinned version with `go install`.
// Order: LIVEKIT_SERVER_BIN, PATH, ./.livekit/bin, ~/.cache/parley, then go install.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { which } from "./processes";

export const LIVEKIT_SERVER_VERSION = "v1.9.12";
const MODULE = "github.com/livekit/livekit-server/cmd/server";

const projectBin = path.resolve(".livekit", "bin", "livekit-server");
const cachedBin = path.join(homedir(), ".cache", "parley", `livekit-server-${LIVEKIT_SERVER_VERSION}`);

function install(): void {
  if (!which("go")) {
    throw new Error(
      "livekit-server was not found and Go is not installed to build it.\n" +
        `Install Go (https://go.dev/doc/install), then run \`npm run livekit:install\`; or put a livekit-server ${LIVEKIT_SERVER_VERSION} binary on PATH or set LIVEKIT_SERVER_BIN.`,
    );
  }
  console.log(`Building livekit-server ${LIVEKIT_SERVER_VERSION} with go install (first time only; a few minutes)...`);
  const gobin = mkdtempSync(path.join(tmpdir(), "parley-livekit-"));
  const result = spawnSync("go", ["install", `${MODULE}@${LIVEKIT_SERVER_VERSION}`], {
    stdio: "inherit",
    env: { ...process.env, GOBIN: gobin },
  });
  if (result.status !== 0) {
    rmSync(gobin, { recursive: true, force: true });
    throw new Error(`go install ${MODULE}@${LIVEKIT_SERVER_VERSION} failed (exit ${result.status}); see the output above.`);
  }
  mkdirSync(path.dirname(projectBin), { recursive: true });
  renameSync(path.join(gobin, "server"), projectBin);
  rmSync(gobin, { recursive: true, force: true });
  mkdirSync(path.dirname(cachedBin), { recursive: true });
  copyFileSync(projectBin, cachedBin);
}

export function findOrInstallLiveKitServer(environment: NodeJS.ProcessEnv = process.env): string {
  const explicit = environment.LIVEKIT_SERVER_BIN;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`LIVEKIT_SERVER_BIN points to ${explicit}, which does not exist.`);
    return explicit;
  }
  const onPath = which("livekit-server");
  if (onPath) return onPath;
  if (existsSync(projectBin)) return projectBin;
  if (existsSync(cachedBin)) {
    mkdirSync(path.dirname(projectBin), { recursive: true });
    copyFileSync(cachedBin, projectBin);
    return projectBin;
  }
  install();
  return projectBin;
}
