// The livekit-server configuration for running on one machine (development and tests):
// loopback only, and no rooms created by joining (the app creates them).
import { stringify } from "yaml";

export type LocalLiveKit = { port: number; rtcTcpPort: number; rtcUdpPort: number };

export const DEV_LIVEKIT: LocalLiveKit = { port: 7880, rtcTcpPort: 7881, rtcUdpPort: 7882 };

/** `webhook` sends room and participant events to the apps at `urls`, signed with `apiKey`. */
export function localLiveKitConfig({ port, rtcTcpPort, rtcUdpPort }: LocalLiveKit, webhook?: { apiKey: string; urls: string[] }): string {
  return stringify({
    port,
    bind_addresses: ["127.0.0.1"],
    rtc: {
      tcp_port: rtcTcpPort,
      udp_port: rtcUdpPort,
      node_ip: "127.0.0.1",
      use_external_ip: false,
      enable_loopback_candidate: true,
    },
    room: { auto_create: false, empty_timeout: 300, departure_timeout: 20 },
    ...(webhook ? { webhook: { api_key: webhook.apiKey, urls: webhook.urls } } : {}),
    logging: { level: "info" },
  });
}
