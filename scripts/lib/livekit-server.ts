// Finds the livekit-server binary, or builds a pinned version with `go install` (scripts/lib/go-tool.ts:
// LIVEKIT_SERVER_BIN, PATH, ./.livekit/<version>/bin, ~/.cache/parley, then go install). The
// pinned versions are tried newest first; the next only when the one before cannot be had.
import { spawnSync } from "node:child_process";
import { errorMessage } from "../../lib/error-message";
import { findOrInstallGoTool, type GoTool } from "./go-tool";

/**
 * The versions Parley is tested with, newest first. v1.13.5 is the newest release that builds
 * from the Go module proxy: from v1.13.6 on, livekit-server's go.mod replaces pion's webrtc,
 * dtls and ice with LiveKit's forks, which `go install` refuses (and the proxy does not serve).
 * v1.13.x needs Go 1.26; v1.9.12, the fallback, builds with Go 1.24.
 */
export const LIVEKIT_SERVER_VERSIONS = ["v1.13.5", "v1.9.12"] as const;
export const LIVEKIT_SERVER_VERSION = LIVEKIT_SERVER_VERSIONS[0];

// A folder per version, so a checkout that had the older one built does not keep using it.
const liveKitServer = (version: string): GoTool => ({
  name: "livekit-server",
  module: "github.com/livekit/livekit-server/cmd/server",
  version,
  builtName: "server",
  envVar: "LIVEKIT_SERVER_BIN",
  projectDir: `.livekit/${version}`,
  installScript: "npm run livekit:install",
  buildTime: "a few minutes",
});

export function findOrInstallLiveKitServer(environment: NodeJS.ProcessEnv = process.env): string {
  const failures: string[] = [];
  for (const version of LIVEKIT_SERVER_VERSIONS) {
    try {
      const found = findOrInstallGoTool(liveKitServer(version), environment);
      if (failures.length)
        console.warn(
          `Using livekit-server ${version}, as ${LIVEKIT_SERVER_VERSION} could not be had:\n${failures.join("\n")}`,
        );
      return found;
    } catch (error) {
      failures.push(`  ${version}: ${errorMessage(error)}`);
    }
  }
  throw new Error(`livekit-server could not be found or built:\n${failures.join("\n")}`);
}

const versions = new Map<string, string>();

/** What `server --version` says, e.g. "1.13.5" (asked once per binary). */
export function liveKitServerVersion(server: string): string {
  let version = versions.get(server);
  if (version === undefined) {
    const result = spawnSync(server, ["--version"], { encoding: "utf8" });
    version = /version\s+v?(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
    if (!version)
      throw new Error(`${server} --version did not say which version it is: ${result.stdout || result.stderr}`);
    versions.set(server, version);
  }
  return version;
}
