// A browser that may reach the media server only through LiveKit's TURN relay (as one behind a
// firewall that lets no direct UDP or TCP media through) still meets. Its meeting page comes from
// the test app instance with TEST_ONLY_FORCE_TURN_RELAY (scripts/test.ts), which tells it to
// use `iceTransportPolicy: "relay"`; the other person joins through the main app, directly.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { testStack } from "../support/config";
import { newPerson } from "../support/factories";
import { expectRemoteVideoPlaying, hostStartsMeeting, joinFromPreJoin, memberOpens } from "./support";

const relayOnlyAppUrl = testStack().relayOnlyApp.env.NEXTAUTH_URL;

/** Keeps every RTCPeerConnection the page makes, so the test can ask each how it is connected. */
async function watchPeerConnections(page: Page) {
  await page.addInitScript(() => {
    const seen: RTCPeerConnection[] = [];
    (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections = seen;
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        seen.push(this);
      }
    };
  });
}

type Route = { policy: RTCIceTransportPolicy | undefined; local: string; remote: string; protocol: string };

/** For each open peer connection: its ICE policy and the candidate types of the pair in use. */
function routesInUse(page: Page): Promise<Route[]> {
  return page.evaluate(async () => {
    const connections = (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections.filter(
      (pc) => pc.connectionState === "connected",
    );
    return Promise.all(
      connections.map(async (pc) => {
        const stats = [...(await pc.getStats()).values()] as Record<string, string | boolean | undefined>[];
        const transport = stats.find((entry) => entry.type === "transport" && entry.selectedCandidatePairId);
        const pair = stats.find((entry) => entry.id === transport?.selectedCandidatePairId);
        const local = stats.find((entry) => entry.id === pair?.localCandidateId);
        const remote = stats.find((entry) => entry.id === pair?.remoteCandidateId);
        return {
          policy: pc.getConfiguration().iceTransportPolicy,
          local: String(local?.candidateType),
          remote: String(remote?.candidateType),
          protocol: String(local?.protocol),
        };
      }),
    );
  });
}

test("a browser allowed only relayed connections meets through LiveKit's TURN server: both see each other's video", async ({
  openPage,
}) => {
  test.setTimeout(120_000);
  const host = await openPage();
  await watchPeerConnections(host);
  const slug = await hostStartsMeeting(host, "Rosa");
  await joinFromPreJoin(host);

  const relayed = await openPage({ baseURL: relayOnlyAppUrl });
  await watchPeerConnections(relayed);
  await memberOpens(relayed, newPerson("Tomas"), slug);
  await joinFromPreJoin(relayed);

  await expectRemoteVideoPlaying(host);
  await expectRemoteVideoPlaying(relayed);

  // Every connection of the relayed browser runs through a relay candidate of its own (a TURN
  // allocation), to LiveKit's media port; the host's connections are direct.
  const routes = await routesInUse(relayed);
  expect(routes.length).toBeGreaterThan(0);
  for (const route of routes) expect(route).toMatchObject({ policy: "relay", local: "relay" });
  const hostRoutes = await routesInUse(host);
  expect(hostRoutes.length).toBeGreaterThan(0);
  for (const route of hostRoutes) expect(route.local).not.toBe("relay");
});
