// Mailpit: a real SMTP server that keeps what it receives and shows it in a web inbox with an
// HTTP API. `npm run dev` and the tests send Parley's mail to it. It is a Go module, found or
// built like livekit-server (MAILPIT_BIN, PATH, ./.mailpit/bin, ~/.cache/parley, go install).
import { findOrInstallGoTool, type GoTool } from "./go-tool";
import { start, waitForHttp, type Managed } from "./processes";

export const MAILPIT_VERSION = "v1.33.1";

const MAILPIT: GoTool = {
  name: "mailpit",
  module: "github.com/axllent/mailpit",
  version: MAILPIT_VERSION,
  builtName: "mailpit",
  envVar: "MAILPIT_BIN",
  projectDir: ".mailpit",
  installScript: "npm run mailpit:install",
  buildTime: "a minute or two",
};

export function findOrInstallMailpit(environment: NodeJS.ProcessEnv = process.env): string {
  return findOrInstallGoTool(MAILPIT, environment);
}

export type MailpitPorts = { smtpPort: number; httpPort: number };

export type RunningMailpit = Managed & { smtpUrl: string; inboxUrl: string };

/**
 * Starts Mailpit on loopback, keeping messages in memory. `allowedRecipients`: a regular
 * expression (Go syntax) of the only addresses it accepts, so a test can see a refusal at send.
 */
export async function startMailpit(
  ports: MailpitPorts,
  options: { logFile?: string; allowedRecipients?: string } = {},
): Promise<RunningMailpit> {
  const args = [
    "--listen",
    `127.0.0.1:${ports.httpPort}`,
    "--smtp",
    `127.0.0.1:${ports.smtpPort}`,
    "--smtp-auth-accept-any",
    "--smtp-auth-allow-insecure",
    "--smtp-disable-rdns",
    "--max",
    "5000",
    "--quiet",
  ];
  if (options.allowedRecipients) args.push("--smtp-allowed-recipients", options.allowedRecipients);
  const proc = start("mailpit", findOrInstallMailpit(), args, { logFile: options.logFile });
  const inboxUrl = `http://127.0.0.1:${ports.httpPort}`;
  await waitForHttp(`${inboxUrl}/readyz`, proc, 30_000);
  return { ...proc, smtpUrl: `smtp://127.0.0.1:${ports.smtpPort}`, inboxUrl };
}
