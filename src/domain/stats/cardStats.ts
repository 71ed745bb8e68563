/**
 * Statistics over review items (card states): counts by state, the due forecast, distributions and mastery per
 * section. Fed in chunks like the review tally, so a worker can read items page by page.
 */
import type { FsrsFields } from '../records';

export type StatsItem = {
  section: string;
  fsrs: Pick<FsrsFields, 'state' | 'due' | 'stability' | 'difficulty' | 'scheduled_days' | 'last_review'>;
  suspended: boolean;
  retired: boolean;
};

export type StateCounts = {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
};

/** Bucket edges (lower bounds) and counts; the last bucket is open-ended. */
export type Histogram = { edges: readonly number[]; counts: number[] };

export const INTERVAL_EDGES = [0, 1, 3, 7, 14, 21, 30, 60, 90, 180, 365] as const;
export const STABILITY_EDGES = INTERVAL_EDGES;
export const DIFFICULTY_EDGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const RETRIEVABILITY_EDGES = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

export type SectionMastery = {
  items: number;
  /** Items with retrievability ≥ MASTERED_R now. */
  mastered: number;
  /** Sum of retrievability now (items never reviewed count 0). */
  retrievabilitySum: number;
};

export const MASTERED_R = 0.9;

export type CardTally = {
  states: StateCounts;
  /** Overdue items (due before today), not suspended. */
  overdue: number;
  /** Items due on today + i, i < horizon, not suspended. */
  forecast: number[];
  intervals: Histogram;
  stability: Histogram;
  difficulty: Histogram;
  retrievability: Histogram;
  sections: Map<string, SectionMastery>;
};

export function emptyCardTally(horizonDays: number): CardTally {
  const hist = (edges: readonly number[]): Histogram => ({ edges, counts: edges.map(() => 0) });
  return {
    states: { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 },
    overdue: 0,
    forecast: Array.from({ length: horizonDays }, () => 0),
    intervals: hist(INTERVAL_EDGES),
    stability: hist(STABILITY_EDGES),
    difficulty: hist(DIFFICULTY_EDGES),
    retrievability: hist(RETRIEVABILITY_EDGES),
    sections: new Map(),
  };
}

/** Index of the bucket holding `value`: the last edge ≤ value (values below the first edge go in bucket 0). */
export function bucketOf(edges: readonly number[], value: number): number {
  let i = 0;
  while (i + 1 < edges.length && value >= (edges[i + 1] as number)) i++;
  return i;
}

function add(hist: Histogram, value: number) {
  const i = bucketOf(hist.edges, value);
  hist.counts[i] = (hist.counts[i] ?? 0) + 1;
}

/**
 * Adds items to the tally (in place). `today` is today's study day, `dayOf` the study day of an instant, and
 * `recall(item)` the item's retrievability now (0 for an item never reviewed). Retired items are left out.
 */
export function tallyItems<T extends StatsItem>(
  tally: CardTally,
  items: Iterable<T>,
  today: number,
  dayOf: (at: number) => number,
  recall: (item: T) => number,
): void {
  for (const item of items) {
    if (item.retired) continue;
    const { fsrs } = item;
    const r = fsrs.state === 0 ? 0 : recall(item);
    let section = tally.sections.get(item.section);
    if (!section) {
      section = { items: 0, mastered: 0, retrievabilitySum: 0 };
      tally.sections.set(item.section, section);
    }
    section.items++;
    section.retrievabilitySum += r;
    if (r >= MASTERED_R) section.mastered++;
    if (item.suspended) {
      tally.states.suspended++;
      continue;
    }
    tally.states[(['new', 'learning', 'review', 'relearning'] as const)[fsrs.state]]++;
    if (fsrs.state === 0) continue;
    const offset = dayOf(fsrs.due) - today;
    if (offset < 0) tally.overdue++;
    else if (offset < tally.forecast.length) tally.forecast[offset] = (tally.forecast[offset] ?? 0) + 1;
    if (fsrs.state === 2) add(tally.intervals, fsrs.scheduled_days);
    add(tally.stability, fsrs.stability);
    add(tally.difficulty, fsrs.difficulty);
    add(tally.retrievability, r);
  }
}

/** "1–3 d", "365+ d": a bucket's label. */
export function bucketLabel(edges: readonly number[], i: number, unit: string): string {
  const lo = edges[i] as number;
  const hi = edges[i + 1];
  if (hi === undefined) return `${lo}+${unit}`;
  return hi - lo === 1 && unit ? `${lo}${unit}` : `${lo}–${hi}${unit}`;
}
