// The livekit-server configuration for running on one machine (development and tests):
// loopback only, and no rooms created by joining (the app creates them).
import { stringify } from "yaml";
import { LIVEKIT_SERVER_VERSION } from "./livekit-server";

/**
 * `turn`: LiveKit's own TURN server on loopback, over UDP (TURN over TLS needs a certificate
 * for a domain and port 443, which only a real deployment has: see livekit.yaml). Each relayed
 * connection takes a port from `relayPorts` (first..last): stacks running side by side need
 * ranges of their own.
 */
export type LocalLiveKit = {
  port: number;
  rtcTcpPort: number;
  rtcUdpPort: number;
  turn?: { udpPort: number; relayPorts: [number, number] };
  /** LiveKit's multi-node mode: the nodes sharing this Redis ("127.0.0.1:6379") form one cluster. */
  redis?: string;
};

export const DEV_LIVEKIT: LocalLiveKit = {
  port: 7880,
  rtcTcpPort: 7881,
  rtcUdpPort: 7882,
  turn: { udpPort: 3478, relayPorts: [30000, 30099] },
};

/**
 * Whether livekit-server `version` (e.g. "1.13.5") has v1.13's TURN settings: where to listen
 * (v1.9 listens on every interface) and which restricted peers (loopback, private addresses)
 * the relay may reach (v1.9 reaches any).
 */
function hasCurrentTurnSettings(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return major > 1 || (major === 1 && minor >= 13);
}

/**
 * `webhook` sends room and participant events to the apps at `urls`, signed with `apiKey`.
 * `serverVersion`: the livekit-server this is for (its config is parsed strictly, so a key an
 * older server does not know stops it).
 */
export function localLiveKitConfig(
  { port, rtcTcpPort, rtcUdpPort, turn, redis }: LocalLiveKit,
  webhook?: { apiKey: string; urls: string[] },
  serverVersion: string = LIVEKIT_SERVER_VERSION,
): string {
  return stringify({
    port,
    bind_addresses: ["127.0.0.1"],
    rtc: {
      tcp_port: rtcTcpPort,
      udp_port: rtcUdpPort,
      node_ip: "127.0.0.1",
      use_external_ip: false,
      enable_loopback_candidate: true,
      // Media on loopback alone. Otherwise LiveKit also opens its media port on every other
      // address of the machine and may answer a relayed browser from one of those; the TURN relay
      // only lets through the address the browser asked for (127.0.0.1) and drops the rest.
      ips: { includes: ["127.0.0.1/32"] },
    },
    ...(turn
      ? {
          turn: {
            enabled: true,
            udp_port: turn.udpPort,
            relay_range_start: turn.relayPorts[0],
            relay_range_end: turn.relayPorts[1],
            // LiveKit's TURN relays to no loopback or private address unless allowed; here the
            // media server itself is on loopback.
            ...(hasCurrentTurnSettings(serverVersion)
              ? { bind_addresses: ["127.0.0.1"], allow_restricted_peer_cidrs: ["127.0.0.0/8"] }
              : {}),
          },
        }
      : {}),
    ...(redis ? { redis: { address: redis } } : {}),
    room: { auto_create: false, empty_timeout: 300, departure_timeout: 20 },
    ...(webhook ? { webhook: { api_key: webhook.apiKey, urls: webhook.urls } } : {}),
    logging: { level: "info" },
  });
}
