// Finds the livekit-server binary, or builds the pinned version with `go install`.
// Order: LIVEKIT_SERVER_BIN, PATH, ./.livekit/bin, ~/.cache/parley, then go install.
import { findOrInstallGoTool, type GoTool } from "./go-tool";

export const LIVEKIT_SERVER_VERSION = "v1.9.12";

const LIVEKIT_SERVER: GoTool = {
  name: "livekit-server",
  module: "github.com/livekit/livekit-server/cmd/server",
  version: LIVEKIT_SERVER_VERSION,
  builtName: "server",
  envVar: "LIVEKIT_SERVER_BIN",
  projectDir: ".livekit",
  installScript: "npm run livekit:install",
  buildTime: "a few minutes",
};

export function findOrInstallLiveKitServer(environment: NodeJS.ProcessEnv = process.env): string {
  return findOrInstallGoTool(LIVEKIT_SERVER, environment);
}
