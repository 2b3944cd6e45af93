// What each step of the connection check found, and what to tell a person when one fails: what
// is blocked and what to ask the network's administrator for. Pure, so it is unit-tested.

export type StepId = "app" | "devices" | "signal" | "udp" | "tcp" | "turn" | "audio" | "video";

export type Verdict = "pending" | "running" | "passed" | "failed" | "skipped";

export type StepResult = { verdict: Verdict; detail: string };

export const STEP_TITLES: Record<StepId, string> = {
  app: "Parley",
  devices: "Camera and microphone",
  signal: "Connection to the meeting service",
  udp: "Media over UDP",
  tcp: "Media over TCP",
  turn: "Media through the relay (TURN)",
  audio: "Sending your microphone",
  video: "Sending your camera",
};

export const STEP_ORDER: StepId[] = ["app", "devices", "signal", "udp", "tcp", "turn", "audio", "video"];

/** Where the media server is, as the browser sees it: its host name and the ports it offered. */
export type MediaServer = {
  /** e.g. media.example.org, from the LiveKit URL the app gave */
  host: string;
  /** the port of that URL (443 for wss:) */
  signalPort: number;
  udpPorts: number[];
  tcpPorts: number[];
  /** TURN servers offered, as "turns:turn.example.org:443?transport=tcp" and the like */
  turnUrls: string[];
};

export function mediaServerFromUrl(serverUrl: string): MediaServer {
  const url = new URL(serverUrl);
  const secure = url.protocol === "wss:" || url.protocol === "https:";
  return {
    host: url.hostname,
    signalPort: url.port ? Number(url.port) : secure ? 443 : 80,
    udpPorts: [],
    tcpPorts: [],
    turnUrls: [],
  };
}

const list = (ports: number[]) => [...new Set(ports)].sort((a, b) => a - b).join(", ");

/** "TCP 443 to turn.example.org" for each TURN address offered. */
export function turnAddresses(turnUrls: string[]): string[] {
  return [
    ...new Set(
      turnUrls.flatMap((raw) => {
        const match = /^(turns?):([^?]+?)(?::(\d+))?(?:\?transport=(udp|tcp))?$/.exec(raw);
        if (!match) return [];
        const [, scheme, host, port, transport] = match;
        const protocol = scheme === "turns" || transport === "tcp" ? "TCP" : "UDP";
        return [`${protocol} ${port ?? (scheme === "turns" ? "443" : "3478")} to ${host!.replace(/^\[|\]$/g, "")}`];
      }),
    ),
  ];
}

/** What to ask a network's administrator to allow, for a step that failed. */
export function askFor(step: StepId, server: MediaServer): string {
  switch (step) {
    case "app":
      return `HTTPS (TCP 443) to ${typeof window === "undefined" ? "this Parley" : window.location.host}`;
    case "signal":
      return `secure WebSocket connections (TCP ${server.signalPort}) to ${server.host}`;
    case "udp":
      return `outgoing UDP ${server.udpPorts.length ? list(server.udpPorts) : "(the media ports)"} to ${server.host}`;
    case "tcp":
      return `outgoing TCP ${server.tcpPorts.length ? list(server.tcpPorts) : "(the media port)"} to ${server.host}`;
    case "turn": {
      const addresses = turnAddresses(server.turnUrls);
      return addresses.length ? addresses.join(" or ") : `the TURN relay of ${server.host}`;
    }
    default:
      return "";
  }
}

/** The whole result as plain text, for a support request. */
export function resultsAsText(
  results: Record<StepId, StepResult>,
  context: { when: Date; page: string; browser: string },
): string {
  const lines = [
    `Parley connection check, ${context.when.toISOString()}`,
    `Page: ${context.page}`,
    `Browser: ${context.browser}`,
    "",
  ];
  for (const id of STEP_ORDER) {
    const { verdict, detail } = results[id];
    lines.push(`${STEP_TITLES[id]}: ${verdict.toUpperCase()}${detail ? ` - ${detail}` : ""}`);
  }
  return lines.join("\n");
}
