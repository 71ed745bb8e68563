/**
 * Review logs in the FSRS optimizer's CSV format (open-spaced-repetition/fsrs-optimizer, "revlog.csv"):
 * `card_id,review_time,review_rating,review_state,review_duration` — times in epoch ms, rating 1–4, state
 * before the review (0 New, 1 Learning, 2 Review, 3 Relearning), duration in ms. The optimizer groups by a
 * numeric card_id, so each review item gets a number (in order of its first review); one row per review.
 */
import Papa from 'papaparse';
import type { ReviewLogRecord } from '../records';

export const REVLOG_COLUMNS = [
  'card_id',
  'review_time',
  'review_rating',
  'review_state',
  'review_duration',
] as const;

export function reviewLogsToFsrsCsv(
  logs: ReadonlyArray<
    Pick<ReviewLogRecord, 'deckId' | 'itemId' | 'review' | 'rating' | 'state' | 'durationMs'>
  >,
): string {
  const sorted = [...logs].sort((a, b) => a.review - b.review);
  const numbers = new Map<string, number>();
  const rows = sorted.map((log) => {
    const key = `${log.deckId}\u0000${log.itemId}`;
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(key, n);
    }
    return [n, log.review, log.rating, log.state, Math.round(log.durationMs)];
  });
  return `${Papa.unparse({ fields: [...REVLOG_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}
