// Finds a server program that is a Go module (livekit-server, Mailpit), or builds the pinned
// version with `go install`. Order: an explicit path from the environment, PATH,
// ./.<dir>/bin in the project, ~/.cache/parley (kept between fresh clones), then go install.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { which } from "./processes";

export type GoTool = {
  /** The program's name on PATH and in the project, e.g. "livekit-server". */
  name: string;
  /** The Go package to install, e.g. "github.com/livekit/livekit-server/cmd/server". */
  module: string;
  version: string;
  /** The binary `go install` writes (the package's last path element). */
  builtName: string;
  /** The environment variable that names a binary to use instead. */
  envVar: string;
  /** The git-ignored folder of the project it is installed into, e.g. ".livekit". */
  projectDir: string;
  /** The npm script that installs it, for the error message. */
  installScript: string;
  /** How long the first build takes, in words. */
  buildTime: string;
};

const projectBin = (tool: GoTool) => path.resolve(tool.projectDir, "bin", tool.name);
const cachedBin = (tool: GoTool) => path.join(homedir(), ".cache", "parley", `${tool.name}-${tool.version}`);

function install(tool: GoTool): void {
  if (!which("go")) {
    throw new Error(
      `${tool.name} was not found and Go is not installed to build it.\n` +
        `Install Go (https://go.dev/doc/install), then run \`${tool.installScript}\`; or put a ${tool.name} ${tool.version} binary on PATH or set ${tool.envVar}.`,
    );
  }
  console.log(`Building ${tool.name} ${tool.version} with go install (first time only; ${tool.buildTime})...`);
  const gobin = mkdtempSync(path.join(tmpdir(), `parley-${tool.name}-`));
  const result = spawnSync("go", ["install", `${tool.module}@${tool.version}`], {
    stdio: "inherit",
    env: { ...process.env, GOBIN: gobin },
  });
  if (result.status !== 0) {
    rmSync(gobin, { recursive: true, force: true });
    throw new Error(`go install ${tool.module}@${tool.version} failed (exit ${result.status}); see the output above.`);
  }
  mkdirSync(path.dirname(projectBin(tool)), { recursive: true });
  renameSync(path.join(gobin, tool.builtName), projectBin(tool));
  rmSync(gobin, { recursive: true, force: true });
  mkdirSync(path.dirname(cachedBin(tool)), { recursive: true });
  copyFileSync(projectBin(tool), cachedBin(tool));
}

export function findOrInstallGoTool(tool: GoTool, environment: NodeJS.ProcessEnv = process.env): string {
  const explicit = environment[tool.envVar];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${tool.envVar} points to ${explicit}, which does not exist.`);
    return explicit;
  }
  const onPath = which(tool.name);
  if (onPath) return onPath;
  if (existsSync(projectBin(tool))) return projectBin(tool);
  if (existsSync(cachedBin(tool))) {
    mkdirSync(path.dirname(projectBin(tool)), { recursive: true });
    copyFileSync(cachedBin(tool), projectBin(tool));
    return projectBin(tool);
  }
  install(tool);
  return projectBin(tool);
}
