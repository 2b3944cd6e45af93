/** Nearest-rank percentile (p in 0..100) of unsorted values: p99 of 150 values is the second-largest. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const median = (values: number[]) => percentile(values, 50);
