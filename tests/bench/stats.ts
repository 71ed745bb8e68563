/** Shared bench statistics: nearest-rank percentiles over repeated runs. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** "median / p95" of a list of milliseconds, for a table cell. */
export function medianP95(values: readonly number[], digits = 0): string {
  if (values.length === 0) return '–';
  return `${median(values).toFixed(digits)} / ${percentile(values, 95).toFixed(digits)}`;
}
