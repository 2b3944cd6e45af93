// What each step of the connection check found, and what to tell a person when one fails: what
// is blocked and what to ask the network's administrator for. Pure, so it is unit-tested; the
// words come from the check catalogue through the `t` the page passes in.
import type { useTranslations } from "next-intl";

export type CheckWords = ReturnType<typeof useTranslations<"check">>;

export type StepId = "app" | "devices" | "signal" | "udp" | "tcp" | "turn" | "audio" | "video";

export type Verdict = "pending" | "running" | "passed" | "failed" | "skipped";

export type StepResult = { verdict: Verdict; detail: string };

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
export function turnAddresses(t: CheckWords, turnUrls: string[]): string[] {
  return [
    ...new Set(
      turnUrls.flatMap((raw) => {
        const match = /^(turns?):([^?]+?)(?::(\d+))?(?:\?transport=(udp|tcp))?$/.exec(raw);
        if (!match) return [];
        const [, scheme, host, port, transport] = match;
        const protocol = scheme === "turns" || transport === "tcp" ? "TCP" : "UDP";
        return [
          t("askFor.turnAddress", {
            protocol,
            port: port ?? (scheme === "turns" ? "443" : "3478"),
            host: host!.replace(/^\[|\]$/g, ""),
          }),
        ];
      }),
    ),
  ];
}

/** What to ask a network's administrator to allow, for a step that failed. */
export function askFor(t: CheckWords, step: StepId, server: MediaServer): string {
  const host = server.host;
  switch (step) {
    case "app":
      return t("askFor.app", { host: typeof window === "undefined" ? t("askFor.thisParley") : window.location.host });
    case "signal":
      return t("askFor.signal", { port: String(server.signalPort), host });
    case "udp":
      return server.udpPorts.length
        ? t("askFor.udp", { ports: list(server.udpPorts), host })
        : t("askFor.udpAnyPort", { host });
    case "tcp":
      return server.tcpPorts.length
        ? t("askFor.tcp", { ports: list(server.tcpPorts), host })
        : t("askFor.tcpAnyPort", { host });
    case "turn": {
      const addresses = turnAddresses(t, server.turnUrls);
      return addresses.length ? addresses.join(t("askFor.or")) : t("askFor.turnRelay", { host });
    }
    default:
      return "";
  }
}

/** The whole result as plain text, for a support request. */
export function resultsAsText(
  t: CheckWords,
  results: Record<StepId, StepResult>,
  context: { when: Date; page: string; browser: string },
): string {
  const lines = [
    t("text.heading", { when: context.when.toISOString() }),
    t("text.page", { page: context.page }),
    t("text.browser", { browser: context.browser }),
    "",
  ];
  for (const id of STEP_ORDER) {
    const { verdict, detail } = results[id];
    const step = { title: t(`steps.${id}`), verdict: t(`text.verdicts.${verdict}`) };
    lines.push(detail ? t("text.stepWithDetail", { ...step, detail }) : t("text.step", step));
  }
  return lines.join("\n");
}
