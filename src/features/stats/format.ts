/** How the statistics page writes numbers. */

export const percent = (fraction: number) =>
  `${(Math.round(fraction * 1000) / 10).toFixed(1).replace(/\.0$/, '')} %`;

/** "1 h 5 min", "12 min", "40 s". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A pass count as a share, or "–" when there is nothing to divide. */
export const share = (p: { passed: number; total: number }) => (p.total ? percent(p.passed / p.total) : '–');
