/** Study streaks: runs of consecutive study days with at least one answer. */

export type Streaks = { current: number; longest: number };

/**
 * `days` are the study days with answers (any order, duplicates allowed). The current streak ends today, or
 * yesterday when nothing has been answered yet today (the streak is still alive until today ends).
 * @example streaks([10, 11, 12, 20], 21) // { current: 0, longest: 3 }
 */
export function streaks(days: Iterable<number>, today: number): Streaks {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const day of sorted) {
    run = day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const have = new Set(sorted);
  let current = 0;
  let day = have.has(today) ? today : today - 1;
  while (have.has(day)) {
    current++;
    day--;
  }
  return { current, longest };
}
