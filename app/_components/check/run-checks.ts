// The steps of the connection check, run one after another in the browser. LiveKit's own checks
// (livekit-client's ConnectionCheck) cover signalling, TURN and publishing; UDP and TCP are
// told apart here, from the WebRTC statistics of a real connection to the media server.
import { CheckStatus, ConnectionCheck, Room, RoomEvent, type CheckInfo } from "livekit-client";
import type { ConnectionCheckCredentials } from "@/lib/connection-check/credentials";
import { callApi } from "../api";
import { errorTitle } from "../error-words";
import { classifyMediaError, type DeviceKind, type DeviceProblem } from "../meeting/device-errors";
import { askFor, mediaServerFromUrl, type CheckWords, type MediaServer, type StepId, type StepResult } from "./advice";

export type Report = (step: StepId, result: StepResult) => void;
/** A camera or microphone problem in words, in the person's language (../meeting/device-errors.ts). */
export type ExplainDevice = (kind: DeviceKind, problem: DeviceProblem) => string;

const passed = (detail = ""): StepResult => ({ verdict: "passed", detail });
const failed = (detail: string): StepResult => ({ verdict: "failed", detail });
const skipped = (detail: string): StepResult => ({ verdict: "skipped", detail });

const blocked = (t: CheckWords, problem: string, step: StepId, server: MediaServer) =>
  t("results.blocked", { problem, target: askFor(t, step, server) });

/** What LiveKit's check logged last as an error, or "no answer". */
function lastError(t: CheckWords, info: CheckInfo): string {
  return [...info.logs].reverse().find((log) => log.level === "error")?.message || t("results.noAnswer");
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function getCredentials(t: CheckWords): Promise<ConnectionCheckCredentials | StepResult> {
  const result = await callApi<ConnectionCheckCredentials>("/api/check/token", { method: "POST" });
  if (result.ok) return result.body;
  if (result.code === "offline")
    return failed(t("results.unreachable", { target: askFor(t, "app", mediaServerFromUrl(window.location.origin)) }));
  if (result.code === "unauthenticated") return failed(t("results.signIn"));
  return failed(t("results.apiError", { title: errorTitle(result.code), message: result.message }));
}

async function checkDevices(t: CheckWords, explainDeviceProblem: ExplainDevice): Promise<StepResult> {
  const problems: string[] = [];
  for (const kind of ["camera", "microphone"] as const) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(kind === "camera" ? { video: true } : { audio: true });
      stream.getTracks().forEach((track) => track.stop());
    } catch (error) {
      problems.push(explainDeviceProblem(kind, classifyMediaError(error)));
    }
  }
  return problems.length ? failed(problems.join(" ")) : passed(t("results.devicesWork"));
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
  t: CheckWords,
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
      return { udp: passed(t("results.udpDirect")), connected: true };
    const why = routes.some((route) => route.type === "relay") ? t("results.udpViaRelay") : t("results.udpViaTcp");
    return { udp: failed(blocked(t, why, "udp", server)), connected: true };
  } catch (error) {
    return {
      udp: failed(blocked(t, t("results.udpNoConnection", { error: reasonOf(error) }), "udp", server)),
      connected: false,
    };
  } finally {
    await room.disconnect();
  }
}

/** Asks the media server to offer TCP only (LiveKit's "force-tcp"), and sees that media flows. */
async function checkTcp(
  t: CheckWords,
  credentials: ConnectionCheckCredentials,
  server: MediaServer,
): Promise<StepResult> {
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
      if (!(await reconnected)) return failed(blocked(t, t("results.tcpNotSetUp"), "tcp", server));
      await sleep(1000);
    }
    const routes = await inspect(room, server);
    return routes.some((route) => route.protocol === "tcp" && route.type !== "relay")
      ? passed(t("results.tcpWorks"))
      : failed(blocked(t, t("results.tcpNotThrough"), "tcp", server));
  } catch (error) {
    return failed(blocked(t, t("results.tcpNotSetUpBecause", { error: reasonOf(error) }), "tcp", server));
  } finally {
    await room.disconnect();
  }
}

export async function runConnectionCheck(t: CheckWords, report: Report, explainDevice: ExplainDevice): Promise<void> {
  const skipRest = (from: StepId[], why: string) => from.forEach((step) => report(step, skipped(why)));

  report("app", { verdict: "running", detail: "" });
  const credentials = await getCredentials(t);
  if ("verdict" in credentials) {
    report("app", credentials);
    return skipRest(["devices", "signal", "udp", "tcp", "turn", "audio", "video"], t("results.needsParley"));
  }
  report("app", passed(t("results.parleyAnswers")));
  const server = mediaServerFromUrl(credentials.serverUrl);

  report("devices", { verdict: "running", detail: "" });
  const devices = await checkDevices(t, explainDevice);
  report("devices", devices);

  report("signal", { verdict: "running", detail: "" });
  const check = new ConnectionCheck(credentials.serverUrl, credentials.token);
  const signal = await check.checkWebsocket();
  if (signal.status !== CheckStatus.SUCCESS) {
    const where = { host: server.host, reason: lastError(t, signal) };
    const problem = credentials.roomOpened
      ? t("results.signalUnreachable", where)
      : t("results.signalUnreachableDown", where);
    report("signal", failed(blocked(t, problem, "signal", server)));
    return skipRest(["udp", "tcp", "turn", "audio", "video"], t("results.needsSignal"));
  }
  report("signal", passed(t("results.connectedTo", { host: server.host })));

  report("udp", { verdict: "running", detail: "" });
  const { udp } = await checkUdp(t, credentials, server);
  report("udp", udp);

  report("turn", { verdict: "running", detail: "" });
  const turn = await check.checkTURN();
  if (turn.status === CheckStatus.SKIPPED) report("turn", skipped(t("results.turnNone")));
  else if (turn.status === CheckStatus.SUCCESS) report("turn", passed(t("results.turnWorks")));
  else report("turn", failed(blocked(t, t("results.turnUnreachable", { reason: lastError(t, turn) }), "turn", server)));

  // After TURN: LiveKit keeps the TCP-only preference this step asks for (per room and identity)
  // for the rest of this check's connections, and a relay over UDP cannot reach TCP candidates.
  report("tcp", { verdict: "running", detail: "" });
  report("tcp", await checkTcp(t, credentials, server));

  for (const [step, run] of [
    ["audio", () => check.checkPublishAudio()],
    ["video", () => check.checkPublishVideo()],
  ] as const) {
    if (devices.verdict === "failed") {
      report(step, skipped(t("results.needsDevices")));
      continue;
    }
    report(step, { verdict: "running", detail: "" });
    const info = await run();
    report(
      step,
      info.status === CheckStatus.SUCCESS
        ? passed(t("results.publishWorks"))
        : failed(t("results.publishFailed", { reason: lastError(t, info) })),
    );
  }
}
