// The steps of the connection check, run one after another in the browser. LiveKit's own checks
// (livekit-client's ConnectionCheck) cover signalling, TURN and publishing; UDP and TCP are
// told apart here, from the WebRTC statistics of a real connection to the media server.
import { CheckStatus, ConnectionCheck, Room, RoomEvent, type CheckInfo } from "livekit-client";
import type { ConnectionCheckCredentials } from "@/lib/connection-check/credentials";
import { callApi } from "../api";
import { errorTitle } from "../error-words";
import { classifyMediaError, explainDeviceProblem } from "../meeting/device-errors";
import { askFor, mediaServerFromUrl, type MediaServer, type StepId, type StepResult } from "./advice";

export type Report = (step: StepId, result: StepResult) => void;

const passed = (detail = ""): StepResult => ({ verdict: "passed", detail });
const failed = (detail: string): StepResult => ({ verdict: "failed", detail });
const skipped = (detail: string): StepResult => ({ verdict: "skipped", detail });

const blocked = (what: string, step: StepId, server: MediaServer) =>
  `${what} Ask your network's administrator to allow ${askFor(step, server)}.`;

function lastError(info: CheckInfo): string {
  return [...info.logs].reverse().find((log) => log.level === "error")?.message ?? "";
}

async function getCredentials(): Promise<ConnectionCheckCredentials | StepResult> {
  const result = await callApi<ConnectionCheckCredentials>("/api/check/token", { method: "POST" });
  if (result.ok) return result.body;
  if (result.code === "offline")
    return failed(
      `Parley can't be reached from here. Ask your network's administrator to allow ${askFor("app", mediaServerFromUrl(window.location.origin))}.`,
    );
  if (result.code === "unauthenticated")
    return failed("Sign in, or open the invite link you were sent, then run the check again.");
  return failed(`${errorTitle(result.code)}: ${result.message}`);
}

async function checkDevices(): Promise<StepResult> {
  const problems: string[] = [];
  for (const kind of ["camera", "microphone"] as const) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(kind === "camera" ? { video: true } : { audio: true });
      stream.getTracks().forEach((track) => track.stop());
    } catch (error) {
      problems.push(explainDeviceProblem(kind, classifyMediaError(error)));
    }
  }
  return problems.length ? failed(problems.join(" ")) : passed("Both work.");
}

type Route = { protocol: string; type: string };

/** The candidate pair in use on each of the room's peer connections, and what the server offered. */
async function inspect(room: Room, server: MediaServer): Promise<Route[]> {
  const manager = room.engine.pcManager;
  const routes: Route[] = [];
  for (const transport of [manager?.publisher, manager?.subscriber]) {
    const report = await transport?.getStats();
    if (!report) continue;
    const stats = [...report.values()] as Record<string, unknown>[];
    for (const entry of stats) {
      if (entry.type === "remote-candidate" && entry.candidateType === "host" && typeof entry.port === "number") {
        (entry.protocol === "udp" ? server.udpPorts : server.tcpPorts).push(entry.port);
      }
    }
    // The TURN servers LiveKit offered (PCTransport keeps its RTCPeerConnection to itself).
    const pc = (transport as unknown as { pc?: RTCPeerConnection }).pc;
    for (const ice of pc?.getConfiguration().iceServers ?? [])
      server.turnUrls.push(...[ice.urls].flat().filter((url) => url.startsWith("turn")));
    const selected = stats.find(
      (entry) => entry.type === "transport" && entry.selectedCandidatePairId,
    )?.selectedCandidatePairId;
    const pair = stats.find((entry) => entry.id === selected);
    const local = stats.find((entry) => entry.id === pair?.localCandidateId);
    if (local) routes.push({ protocol: String(local.protocol), type: String(local.candidateType) });
  }
  server.turnUrls = [...new Set(server.turnUrls)];
  return routes;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects as a meeting would (UDP first, then TCP, then relays) and sees which path was taken. */
async function checkUdp(
  credentials: ConnectionCheckCredentials,
  server: MediaServer,
): Promise<{ udp: StepResult; connected: boolean }> {
  const room = new Room();
  try {
    await room.connect(credentials.serverUrl, credentials.token);
    // ICE keeps checking pairs for a moment after it first connects; let it settle on the best.
    await sleep(1500);
    const routes = await inspect(room, server);
    if (routes.some((route) => route.protocol === "udp" && route.type !== "relay"))
      return { udp: passed("Media goes straight to the meeting service over UDP, the best way."), connected: true };
    const via = routes.some((route) => route.type === "relay") ? "through the relay" : "over TCP";
    return {
      udp: failed(blocked(`UDP is blocked: media had to go ${via}, which works but can lag.`, "udp", server)),
      connected: true,
    };
  } catch (error) {
    return {
      udp: failed(
        blocked(
          `No direct media connection could be made (${error instanceof Error ? error.message : String(error)}).`,
          "udp",
          server,
        ),
      ),
      connected: false,
    };
  } finally {
    await room.disconnect();
  }
}

/** Asks the media server to offer TCP only (LiveKit's "force-tcp"), and sees that media flows. */
async function checkTcp(credentials: ConnectionCheckCredentials, server: MediaServer): Promise<StepResult> {
  const room = new Room();
  try {
    await room.connect(credentials.serverUrl, credentials.token);
    const reconnected = new Promise<boolean>((resolve) => {
      room.once(RoomEvent.Reconnected, () => resolve(true));
      room.once(RoomEvent.Disconnected, () => resolve(false));
      setTimeout(() => resolve(false), 15_000);
    });
    const before = await inspect(room, server);
    if (!before.every((route) => route.protocol === "tcp" && route.type !== "relay")) {
      await room.simulateScenario("force-tcp");
      if (!(await reconnected)) return failed(blocked("Media over TCP could not be set up.", "tcp", server));
      await sleep(1000);
    }
    const routes = await inspect(room, server);
    return routes.some((route) => route.protocol === "tcp" && route.type !== "relay")
      ? passed("Media can go to the meeting service over TCP when UDP can't.")
      : failed(blocked("Media over TCP did not get through.", "tcp", server));
  } catch (error) {
    return failed(
      blocked(
        `Media over TCP could not be set up (${error instanceof Error ? error.message : String(error)}).`,
        "tcp",
        server,
      ),
    );
  } finally {
    await room.disconnect();
  }
}

export async function runConnectionCheck(report: Report): Promise<void> {
  const skipRest = (from: StepId[], why: string) => from.forEach((step) => report(step, skipped(why)));

  report("app", { verdict: "running", detail: "" });
  const credentials = await getCredentials();
  if ("verdict" in credentials) {
    report("app", credentials);
    return skipRest(["devices", "signal", "udp", "tcp", "turn", "audio", "video"], "Needs Parley.");
  }
  report("app", passed("Parley answers."));
  const server = mediaServerFromUrl(credentials.serverUrl);

  report("devices", { verdict: "running", detail: "" });
  const devices = await checkDevices();
  report("devices", devices);

  report("signal", { verdict: "running", detail: "" });
  const check = new ConnectionCheck(credentials.serverUrl, credentials.token);
  const signal = await check.checkWebsocket();
  if (signal.status !== CheckStatus.SUCCESS) {
    const down = credentials.roomOpened
      ? ""
      : " Parley can't reach it either, so it may be down: tell your Parley administrator.";
    report(
      "signal",
      failed(
        blocked(
          `The meeting service at ${server.host} can't be reached (${lastError(signal) || "no answer"}).${down}`,
          "signal",
          server,
        ),
      ),
    );
    return skipRest(["udp", "tcp", "turn", "audio", "video"], "Needs the connection to the meeting service.");
  }
  report("signal", passed(`Connected to ${server.host}.`));

  report("udp", { verdict: "running", detail: "" });
  const { udp } = await checkUdp(credentials, server);
  report("udp", udp);

  report("turn", { verdict: "running", detail: "" });
  const turn = await check.checkTURN();
  if (turn.status === CheckStatus.SKIPPED) report("turn", skipped("This Parley's meeting service offers no relay."));
  else if (turn.status === CheckStatus.SUCCESS)
    report("turn", passed("If nothing else gets through, media can go through the relay."));
  else
    report("turn", failed(blocked(`The relay can't be reached (${lastError(turn) || "no answer"}).`, "turn", server)));

  // After TURN: LiveKit keeps the TCP-only preference this step asks for (per room and identity)
  // for the rest of this check's connections, and a relay over UDP cannot reach TCP candidates.
  report("tcp", { verdict: "running", detail: "" });
  report("tcp", await checkTcp(credentials, server));

  for (const [step, run] of [
    ["audio", () => check.checkPublishAudio()],
    ["video", () => check.checkPublishVideo()],
  ] as const) {
    if (devices.verdict === "failed") {
      report(step, skipped("Needs your camera and microphone."));
      continue;
    }
    report(step, { verdict: "running", detail: "" });
    const info = await run();
    report(
      step,
      info.status === CheckStatus.SUCCESS
        ? passed("Others would hear and see you.")
        : failed(`Could not send (${lastError(info) || "no answer"}).`),
    );
  }
}
