// npm run bench:token — autocannon, 10 connections for 10 s, against POST /api/rooms/<slug>/token
// as a signed-in member (not the owner, so the standing lookup runs) of an existing room, with
// the session check, the database lookups and LiveKit's CreateRoom all in place.
import { signedUp } from "../tests/support/factories";
import { autocannonCommand, runAutocannon, type AutocannonOptions } from "./lib/autocannon";
import { cpuMeter } from "./lib/cpu";
import { ms, printMachine, printTable, writeResult } from "./lib/report";
import { withBenchStack } from "./lib/stack";

const CONNECTIONS = 10;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
const TARGET = { requestsPerSecond: 1200, p99Ms: 20 };

await withBenchStack(async (stack) => {
  const owner = await signedUp("owner", stack.appUrl);
  const room = await owner.client.createRoom("Token benchmark");
  const member = await signedUp("member", stack.appUrl);
  const url = `${stack.appUrl}/api/rooms/${room.slug}/token`;
  const check = await member.client.request(`/api/rooms/${room.slug}/token`, { method: "POST" });
  if (check.status !== 200) throw new Error(`the token route answered ${check.status}, not 200: ${await check.text()}`);

  const options: AutocannonOptions = {
    url,
    method: "POST",
    headers: { cookie: member.client.cookieHeader() },
    connections: CONNECTIONS,
    duration: SECONDS,
  };
  console.log(`warming up for ${WARM_UP_SECONDS} s...`);
  await runAutocannon({ ...options, duration: WARM_UP_SECONDS });
  console.log(`measuring: ${autocannonCommand(options)}`);
  const meter = cpuMeter(() => ({ app: stack.processes.app.child.pid!, livekit: stack.processes.livekit.child.pid! }));
  const result = await runAutocannon(options);
  const cores = meter.stop();

  // The floor: what this machine's `next start` serves for a route that only runs SELECT 1.
  const floorOptions: AutocannonOptions = {
    url: `${stack.appUrl}/api/health`,
    connections: CONNECTIONS,
    duration: SECONDS,
  };
  console.log(`measuring the floor: ${autocannonCommand(floorOptions)}`);
  const floor = await runAutocannon(floorOptions);

  const rps = result.requests.average;
  const met =
    rps >= TARGET.requestsPerSecond && result.latency.p99 < TARGET.p99Ms && result.non2xx === 0 && result.errors === 0;
  console.log();
  printMachine();
  printTable(
    [
      "route",
      "connections × s",
      "requests/s",
      "p50",
      "p99",
      "non-2xx / errors",
      "CPU app / livekit (cores)",
      "target ≥ 1,200 req/s, p99 < 20 ms",
    ],
    [
      [
        "POST /api/rooms/<slug>/token",
        `${CONNECTIONS} × ${SECONDS}`,
        Math.round(rps),
        ms(result.latency.p50),
        ms(result.latency.p99),
        `${result.non2xx} / ${result.errors}`,
        `${cores.app} / ${cores.livekit}`,
        met ? "met" : "MISSED",
      ],
      [
        "GET /api/health (floor: SELECT 1)",
        `${CONNECTIONS} × ${SECONDS}`,
        Math.round(floor.requests.average),
        ms(floor.latency.p50),
        ms(floor.latency.p99),
        `${floor.non2xx} / ${floor.errors}`,
        "",
        "",
      ],
    ],
  );
  const file = writeResult("token", {
    command: autocannonCommand(options),
    target: TARGET,
    met,
    requestsPerSecond: rps,
    latencyMs: result.latency,
    requests: result.requests,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuCores: cores,
    floor: {
      command: autocannonCommand(floorOptions),
      requestsPerSecond: floor.requests.average,
      latencyMs: floor.latency,
    },
  });
  console.log(`written: ${file}`);
});
