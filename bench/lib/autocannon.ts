// autocannon's programmatic API (it ships no types): the options and result fields we use.
import { createRequire } from "node:module";

export type AutocannonOptions = {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  connections?: number;
  duration?: number;
  amount?: number;
  /** requests per second across all connections (a steady trickle instead of as fast as possible) */
  overallRate?: number;
};

type Histogram = { average: number; p50: number; p90: number; p99: number; max: number };

export type AutocannonResult = {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
};

const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return autocannon(options);
}

/** The same run as a shell command, for the record (the cookie is shown as $COOKIE). */
export function autocannonCommand(options: AutocannonOptions): string {
  const parts = ["npx autocannon", `-c ${options.connections ?? 10}`, `-d ${options.duration ?? 10}`];
  if (options.method && options.method !== "GET") parts.push(`-m ${options.method}`);
  for (const name of Object.keys(options.headers ?? {}))
    parts.push(`-H "${name}: ${name.toLowerCase() === "cookie" ? "$COOKIE" : options.headers![name]}"`);
  parts.push(options.url);
  return parts.join(" ");
}
