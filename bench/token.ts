// npm run bench:token — autocannon, 10 connections for 10 s, against POST /api/rooms/<slug>/token
// as a signed-in member (not the owner, so the standing lookup runs) of an existing room, with
// the session check, the database lookups, the rate limit and LiveKit's CreateRoom all in place;
// in the same run, alternating with it, an empty route (GET /api/ping) as the yardstick: what this
// machine's `next start` serves at all. Then GET /api/health (one SELECT 1 through Prisma).
// `--rounds=<n>` (default 2) alternates token and empty route n times.
import { signedUp } from "../tests/support/factories";
import { autocannonCommand, runAutocannon, type AutocannonOptions, type AutocannonResult } from "./lib/autocannon";
import { cpuMeter } from "./lib/cpu";
import { ms, printMachine, printTable, writeResult } from "./lib/report";
import { withBenchStack } from "./lib/stack";

const CONNECTIONS = 10;
const SECONDS = 10;
const WARM_UP_SECONDS = 3;
const ROUNDS = Number(process.argv.find((arg) => arg.startsWith("--rounds="))?.split("=")[1] ?? 2);
// Issue 16: at least half the empty route's requests/s, p99 under 50 ms.
const TARGET = { shareOfEmptyRoute: 0.5, p99Ms: 50 };

type Measured = { result: AutocannonResult; cores: Record<string, number> };

await withBenchStack(async (stack) => {
  const owner = await signedUp("owner", stack.appUrl);
  const room = await owner.client.createRoom("Token benchmark");
  const member = await signedUp("member", stack.appUrl);
  const check = await member.client.request(`/api/rooms/${room.slug}/token`, { method: "POST" });
  if (check.status !== 200) throw new Error(`the token route answered ${check.status}, not 200: ${await check.text()}`);

  const token: AutocannonOptions = {
    url: `${stack.appUrl}/api/rooms/${room.slug}/token`,
    method: "POST",
    headers: { cookie: member.client.cookieHeader() },
    connections: CONNECTIONS,
    duration: SECONDS,
  };
  const empty: AutocannonOptions = { url: `${stack.appUrl}/api/ping`, connections: CONNECTIONS, duration: SECONDS };
  const health: AutocannonOptions = { url: `${stack.appUrl}/api/health`, connections: CONNECTIONS, duration: SECONDS };
  const roles = () => ({ app: stack.processes.app.child.pid!, livekit: stack.processes.livekit.child.pid! });
  const measure = async (options: AutocannonOptions): Promise<Measured> => {
    console.log(`measuring: ${autocannonCommand(options)}`);
    const meter = cpuMeter(roles);
    const result = await runAutocannon(options);
    return { result, cores: meter.stop() };
  };

  console.log(`warming up for ${WARM_UP_SECONDS} s each...`);
  await runAutocannon({ ...token, duration: WARM_UP_SECONDS });
  await runAutocannon({ ...empty, duration: WARM_UP_SECONDS });
  const rounds: { token: Measured; empty: Measured }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating, so a change in the machine's load falls on both.
    const first = round % 2 === 0 ? await measure(token) : await measure(empty);
    const second = round % 2 === 0 ? await measure(empty) : await measure(token);
    rounds.push(round % 2 === 0 ? { token: first, empty: second } : { token: second, empty: first });
  }
  const floor = await measure(health);

  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const tokenRps = sum(rounds.map((r) => r.token.result.requests.average)) / rounds.length;
  const emptyRps = sum(rounds.map((r) => r.empty.result.requests.average)) / rounds.length;
  const share = tokenRps / emptyRps;
  const worstP99 = Math.max(...rounds.map((r) => r.token.result.latency.p99));
  const failures = sum(rounds.map((r) => r.token.result.non2xx + r.token.result.errors));
  const met = share >= TARGET.shareOfEmptyRoute && worstP99 < TARGET.p99Ms && failures === 0;

  console.log();
  printMachine();
  const row = (name: string, { result, cores }: Measured, extra = "") => [
    name,
    `${CONNECTIONS} × ${SECONDS}`,
    Math.round(result.requests.average),
    ms(result.latency.p50),
    ms(result.latency.p99),
    `${result.non2xx} / ${result.errors}`,
    `${cores.app} / ${cores.livekit}`,
    `${(((cores.app ?? 0) * 1000) / result.requests.average).toFixed(2)} ms`,
    extra,
  ];
  printTable(
    [
      "route",
      "connections × s",
      "requests/s",
      "p50",
      "p99",
      "non-2xx / errors",
      "CPU app / livekit (cores)",
      "app CPU per request",
      "share",
    ],
    [
      ...rounds.flatMap((r, index) => [
        row(`POST /api/rooms/<slug>/token (round ${index + 1})`, r.token),
        row(
          `GET /api/ping (empty route, round ${index + 1})`,
          r.empty,
          `token ${Math.round((r.token.result.requests.average / r.empty.result.requests.average) * 100)} %`,
        ),
      ]),
      row("GET /api/health (one SELECT 1)", floor),
    ],
  );
  console.log(
    `\ntoken route: ${Math.round(tokenRps)} requests/s, ${Math.round(share * 100)} % of the empty route's ${Math.round(emptyRps)}; ` +
      `worst p99 ${ms(worstP99)}; target ≥ 50 % and p99 < 50 ms: ${met ? "met" : "MISSED"}`,
  );
  const summary = ({ result, cores }: Measured) => ({
    requestsPerSecond: result.requests.average,
    latencyMs: result.latency,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuCores: cores,
  });
  const file = writeResult("token", {
    command: autocannonCommand(token),
    emptyRouteCommand: autocannonCommand(empty),
    target: TARGET,
    met,
    requestsPerSecond: tokenRps,
    emptyRouteRequestsPerSecond: emptyRps,
    shareOfEmptyRoute: share,
    worstP99Ms: worstP99,
    rounds: rounds.map((r) => ({ token: summary(r.token), emptyRoute: summary(r.empty) })),
    floor: { command: autocannonCommand(health), ...summary(floor) },
  });
  console.log(`written: ${file}`);
});
