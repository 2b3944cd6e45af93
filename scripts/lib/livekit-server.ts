// Finds the livekit-server binary, or builds the pinned version with `go install`.
// Order: LIVEKIT_SERVER_BIN, PATH, then for each pinned version, newest first: ./.livekit/bin,
// ~/.cache/parley, go install. The next version is tried only when building one fails.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { which } from "./processes";

/**
 * The versions Parley is tested with, newest first. v1.13.5 is the newest release that builds
 * from the Go module proxy: from v1.13.6 on, livekit-server's go.mod replaces pion's webrtc,
 * dtls and ice with LiveKit's forks, which `go install` refuses (and the proxy does not serve).
 * v1.13.x needs Go 1.26; v1.9.12, the fallback, builds with Go 1.24.
 */
export const LIVEKIT_SERVER_VERSIONS = ["v1.13.5", "v1.9.12"] as const;
export const LIVEKIT_SERVER_VERSION = LIVEKIT_SERVER_VERSIONS[0];
const MODULE = "github.com/livekit/livekit-server/cmd/server";

const projectBin = (version: string) => path.resolve(".livekit", "bin", `livekit-server-${version}`);
const cachedBin = (version: string) => path.join(homedir(), ".cache", "parley", `livekit-server-${version}`);

/** Builds `version` into the project and the cache; false (with go's output shown) if it fails. */
function install(version: string): boolean {
  console.log(`Building livekit-server ${version} with go install (first time only; a few minutes)...`);
  const gobin = mkdtempSync(path.join(tmpdir(), "parley-livekit-"));
  try {
    const result = spawnSync("go", ["install", `${MODULE}@${version}`], { stdio: "inherit", env: { ...process.env, GOBIN: gobin } });
    if (result.status !== 0) {
      console.error(`go install ${MODULE}@${version} failed (exit ${result.status}).`);
      return false;
    }
    mkdirSync(path.dirname(projectBin(version)), { recursive: true });
    renameSync(path.join(gobin, "server"), projectBin(version));
    mkdirSync(path.dirname(cachedBin(version)), { recursive: true });
    copyFileSync(projectBin(version), cachedBin(version));
    return true;
  } finally {
    rmSync(gobin, { recursive: true, force: true });
  }
}

function alreadyHere(version: string): string | null {
  if (existsSync(projectBin(version))) return projectBin(version);
  if (existsSync(cachedBin(version))) {
    mkdirSync(path.dirname(projectBin(version)), { recursive: true });
    copyFileSync(cachedBin(version), projectBin(version));
    return projectBin(version);
  }
  return null;
}

const versions = new Map<string, string>();

/** What `server --version` says, e.g. "1.13.5" (asked once per binary). */
export function liveKitServerVersion(server: string): string {
  let version = versions.get(server);
  if (version === undefined) {
    const result = spawnSync(server, ["--version"], { encoding: "utf8" });
    version = /version\s+v?(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
    if (!version) throw new Error(`${server} --version did not say which version it is: ${result.stdout || result.stderr}`);
    versions.set(server, version);
  }
  return version;
}

export function findOrInstallLiveKitServer(environment: NodeJS.ProcessEnv = process.env): string {
  const explicit = environment.LIVEKIT_SERVER_BIN;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`LIVEKIT_SERVER_BIN points to ${explicit}, which does not exist.`);
    return explicit;
  }
  const onPath = which("livekit-server");
  if (onPath) return onPath;
  const newest = alreadyHere(LIVEKIT_SERVER_VERSION);
  if (newest) return newest;
  if (!which("go")) {
    const older = LIVEKIT_SERVER_VERSIONS.slice(1).map(alreadyHere).find((found) => found !== null);
    if (older) return older;
    throw new Error(
      "livekit-server was not found and Go is not installed to build it.\n" +
        `Install Go 1.26 or newer (https://go.dev/doc/install), then run \`npm run livekit:install\`; or put a livekit-server ${LIVEKIT_SERVER_VERSION} binary on PATH or set LIVEKIT_SERVER_BIN.`,
    );
  }
  for (const version of LIVEKIT_SERVER_VERSIONS) {
    const found = alreadyHere(version) ?? (install(version) ? projectBin(version) : null);
    if (found) {
      if (version !== LIVEKIT_SERVER_VERSION) console.warn(`Using livekit-server ${version}: ${LIVEKIT_SERVER_VERSION} did not build (see above).`);
      return found;
    }
  }
  throw new Error(`None of livekit-server ${LIVEKIT_SERVER_VERSIONS.join(", ")} could be built with go install; see the output above.`);
}
