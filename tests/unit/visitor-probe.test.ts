// bench:capacity's probe of the app's pages: requests at random moments like independent visitors,
// each timed from the moment it was due, against a small local server whose answers take a known time.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { percentile } from "@/bench/lib/percentile";
import { arrivalTimes, runVisitorProbe } from "@/bench/lib/visitor-probe";

describe("the visitor probe", () => {
  let server: http.Server;
  let base = "";
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const status = request.url === "/broken" ? 500 : 200;
      setTimeout(() => response.writeHead(status).end("page"), 30);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("arrives at random moments, at the asked rate on average, the same ones for the same seed", () => {
    const times = arrivalTimes(5, 600, 1);
    expect(times.length).toBeGreaterThan(2700);
    expect(times.length).toBeLessThan(3300);
    expect(times.every((at, i) => at < 600_000 && (i === 0 || at > times[i - 1]!))).toBe(true);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    // Independent arrivals: a tenth of the gaps are under a fiftieth of a second on average (1 - e^-0.1).
    expect(gaps.filter((gap) => gap < 20).length / gaps.length).toBeCloseTo(0.095, 1);
    expect(arrivalTimes(5, 10, 7)).toEqual(arrivalTimes(5, 10, 7));
    expect(arrivalTimes(5, 10, 7)).not.toEqual(arrivalTimes(5, 10, 8));
  });

  it("takes the nearest-rank percentile: p99 of 150 is the second-slowest", () => {
    const values = Array.from({ length: 150 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(149);
    expect(percentile(values, 50)).toBe(75);
    expect(percentile([], 99)).toBeNaN();
  });

  it("times every request it sends and counts refusals as failures", async () => {
    const ok = await runVisitorProbe({
      url: `${base}/`,
      method: "GET",
      headers: {},
      rate: 20,
      durationSeconds: 1,
      seed: 3,
    });
    expect(ok.requests).toBe(arrivalTimes(20, 1, 3).length);
    expect(ok.failed).toBe(0);
    expect(ok.latencies[0]).toBeGreaterThanOrEqual(29);
    expect(ok.p99).toBeLessThan(1000);
    const broken = await runVisitorProbe({
      url: `${base}/broken`,
      method: "POST",
      headers: {},
      rate: 20,
      durationSeconds: 0.5,
      seed: 3,
    });
    expect(broken.failed).toBe(broken.requests);
  });
});
