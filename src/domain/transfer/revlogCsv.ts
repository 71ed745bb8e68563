/**
 * Review logs in the FSRS optimizer's CSV format (open-spaced-repetition/fsrs-optimizer, "revlog.csv"):
 * `card_id,review_time,review_rating,review_state,review_duration` — times in epoch ms, rating 1–4, state
 * before the review (0 New, 1 Learning, 2 Review, 3 Relearning), duration in ms. The optimizer groups by a
 * numeric card_id: each review item's number is its Anki card id when it has one, else a stable hash of its deck
 * and item (revlogCardNumber.ts), so importing the CSV attaches it to the same items again. One row per review.
 */
import Papa from 'papaparse';
import type { ReviewLogRecord } from '../records';
import { cardinalItemNumber } from './revlogCardNumber';

export const REVLOG_COLUMNS = [
  'card_id',
  'review_time',
  'review_rating',
  'review_state',
  'review_duration',
] as const;

/** `ankiCardIds`: the Anki card id of each item that has one, keyed `${deckId}\u0000${itemId}`. */
export function reviewLogsToFsrsCsv(
  logs: ReadonlyArray<
    Pick<ReviewLogRecord, 'deckId' | 'itemId' | 'review' | 'rating' | 'state' | 'durationMs'>
  >,
  ankiCardIds: ReadonlyMap<string, number> = new Map(),
): string {
  const sorted = [...logs].sort((a, b) => a.review - b.review);
  const rows = sorted.map((log) => {
    const n =
      ankiCardIds.get(`${log.deckId}\u0000${log.itemId}`) ?? cardinalItemNumber(log.deckId, log.itemId);
    return [n, log.review, log.rating, log.state, Math.round(log.durationMs)];
  });
  return `${Papa.unparse({ fields: [...REVLOG_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}
