/** The real 12,580-review Anki history (tests/fixtures/revlog), as per-card histories of study days. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FitReview } from '../../src/domain/schedulerFit';
import { studyDayNumber } from '../../src/domain/stats/studyDays';

export const REVLOG_12580 = join(import.meta.dirname, '../fixtures/revlog/anki-review-history-12580.csv');

export type FixtureReview = { cardId: string; rating: 1 | 2 | 3 | 4; review: number; durationMs: number };

export function readFixtureReviews(): FixtureReview[] {
  const [header, ...lines] = readFileSync(REVLOG_12580, 'utf8').trim().split('\n');
  if (header !== 'card_id,review_rating,review_time,review_duration')
    throw new Error(`unexpected header ${header}`);
  return lines.map((line) => {
    const [cardId = '', rating, time = '', duration] = line.split(',');
    return {
      cardId,
      rating: Number(rating) as 1 | 2 | 3 | 4,
      review: Date.parse(time),
      durationMs: Number(duration),
    };
  });
}

/** Per-card histories, sorted by time, with study days starting at 4 a.m. (local time of the test process). */
export function fixtureHistories(): FitReview[][] {
  const byCard = new Map<string, FixtureReview[]>();
  for (const r of readFixtureReviews()) byCard.set(r.cardId, [...(byCard.get(r.cardId) ?? []), r]);
  return [...byCard.values()].map((list) =>
    list
      .sort((a, b) => a.review - b.review)
      .map((r) => ({ rating: r.rating, day: studyDayNumber(r.review, 4) })),
  );
}
