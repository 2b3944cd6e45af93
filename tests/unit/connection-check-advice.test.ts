import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import {
  askFor,
  mediaServerFromUrl,
  resultsAsText,
  STEP_ORDER,
  turnAddresses,
  type StepId,
  type StepResult,
} from "@/app/_components/check/advice";
import { CATALOGUES } from "@/lib/i18n/messages";

const t = createTranslator({ locale: "en", messages: CATALOGUES.en, namespace: "check" });
const ru = createTranslator({ locale: "ru", messages: CATALOGUES.ru, namespace: "check" });

describe("what the connection check tells people to ask for", () => {
  const server = {
    ...mediaServerFromUrl("wss://media.example.org"),
    udpPorts: [7882, 7882],
    tcpPorts: [7881],
    turnUrls: ["turn:203.0.113.8:3478?transport=udp", "turns:turn.example.org:443?transport=tcp"],
  };

  it("names the media server's host and the ports it offered", () => {
    expect(askFor(t, "signal", server)).toBe("secure WebSocket connections (TCP 443) to media.example.org");
    expect(askFor(t, "udp", server)).toBe("outgoing UDP 7882 to media.example.org");
    expect(askFor(t, "tcp", server)).toBe("outgoing TCP 7881 to media.example.org");
  });

  it("says it in Russian for a Russian page", () => {
    expect(askFor(ru, "turn", server)).toBe("UDP 3478 к 203.0.113.8 или TCP 443 к turn.example.org");
    expect(askFor(ru, "udp", mediaServerFromUrl("ws://127.0.0.1:7980"))).toBe("исходящий UDP (медиапорты) к 127.0.0.1");
  });

  it("names each TURN address: TLS as TCP 443 to its domain, UDP to its address", () => {
    expect(askFor(t, "turn", server)).toBe("UDP 3478 to 203.0.113.8 or TCP 443 to turn.example.org");
    expect(turnAddresses(t, ["turn:[2001:db8::1]:3478?transport=udp"])).toEqual(["UDP 3478 to 2001:db8::1"]);
  });

  it("still says where, when the browser saw no port", () => {
    expect(askFor(t, "udp", mediaServerFromUrl("ws://127.0.0.1:7980"))).toBe(
      "outgoing UDP (the media ports) to 127.0.0.1",
    );
    expect(mediaServerFromUrl("ws://127.0.0.1:7980").signalPort).toBe(7980);
  });

  it("writes every step with its verdict into the text to copy", () => {
    const results = Object.fromEntries(STEP_ORDER.map((id) => [id, { verdict: "passed", detail: "" }])) as Record<
      StepId,
      StepResult
    >;
    results.udp = { verdict: "failed", detail: "UDP is blocked." };
    const text = resultsAsText(t, results, {
      when: new Date("2027-01-02T03:04:05Z"),
      page: "https://meet.example.org/check",
      browser: "Test",
    });
    expect(text).toContain("2027-01-02T03:04:05.000Z");
    expect(text).toContain("Media over UDP: FAILED - UDP is blocked.");
    expect(text).toContain("Sending your camera: PASSED");
    expect(text.split("\n").filter((line) => line.includes(": ")).length).toBeGreaterThanOrEqual(STEP_ORDER.length);
  });
});
