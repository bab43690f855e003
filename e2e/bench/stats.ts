/** Summaries of repeated measurements: the median is the figure, min and max show the spread. */

export type Summary = { runs: number; median: number; min: number; max: number; p95: number };

/** Nearest-rank percentile (p from 0 to 1) of samples sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[Math.floor(middle)] ?? Number.NaN)
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return {
    runs: sorted.length,
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    p95: percentile(sorted, 0.95),
  };
}

/** Summaries of each field over runs that each measured several named figures. */
export function summarizeFields<K extends string>(runs: readonly Record<K, number>[]): Record<K, Summary> {
  const keys = Object.keys(runs[0] ?? {}) as K[];
  return Object.fromEntries(keys.map((key) => [key, summarize(runs.map((run) => run[key]))])) as Record<
    K,
    Summary
  >;
}
