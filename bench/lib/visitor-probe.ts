// Requests to one route as visitors arriving independently would send them: at random moments, on
// average `rate` a second (a Poisson process: exponentially distributed gaps, from a fixed seed so
// that runs compare), each on schedule whether or not the ones before have been answered (open loop),
// so a slow answer cannot hold back the next request and hide its own delay. Two visitors sometimes
// arrive together, as they do in life. autocannon's rate limit is different: each connection sends
// its whole second's quota back to back at the start of the second, so several probes started
// together put all their requests of a second on the app in the same few milliseconds.
import http from "node:http";
import { percentile } from "./percentile";
import { seededRandom } from "./seeded-random";

export type VisitorProbeOptions = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  /** requests per second, on average */
  rate: number;
  durationSeconds: number;
  /** seeds the arrival times: probes running together need different seeds */
  seed: number;
};

export type VisitorProbeResult = {
  /** every request's time from its scheduled moment to the answer's last byte, in ms, sorted */
  latencies: number[];
  /** the five slowest requests: when each was due (ms since the epoch) and how long it took */
  slowest: { at: number; ms: number }[];
  p50: number;
  p99: number;
  requests: number;
  failed: number;
};

function requestOnce(url: URL, options: VisitorProbeOptions, agent: http.Agent): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: options.method, headers: options.headers, agent }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300));
      response.on("error", () => resolve(false));
    });
    request.setTimeout(10_000, () => request.destroy());
    request.on("error", () => resolve(false));
    request.end();
  });
}

/** Arrival moments (ms from the start) of a Poisson process of `rate` per second over `seconds`. */
export function arrivalTimes(rate: number, seconds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const times: number[] = [];
  for (let at = 0; ;) {
    at += (-Math.log(1 - random()) / rate) * 1000;
    if (at >= seconds * 1000) return times;
    times.push(at);
  }
}

export async function runVisitorProbe(options: VisitorProbeOptions): Promise<VisitorProbeResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true });
  const start = performance.now();
  let failed = 0;
  const answers: Promise<{ at: number; ms: number }>[] = [];
  for (const at of arrivalTimes(options.rate, options.durationSeconds, options.seed)) {
    const scheduled = start + at;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(
      requestOnce(url, options, agent).then((ok) => {
        if (!ok) failed++;
        return {
          at: Math.round(performance.timeOrigin + scheduled),
          ms: Math.round((performance.now() - scheduled) * 10) / 10,
        };
      }),
    );
  }
  const timed = await Promise.all(answers);
  const latencies = timed.map(({ ms }) => ms).sort((a, b) => a - b);
  agent.destroy();
  return {
    latencies,
    slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, 5),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    failed,
  };
}
