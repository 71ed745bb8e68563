/**
 * Merging a backup into what is stored never replaces newer progress with older: per review item, the state with
 * the later last review is kept; review logs are the union of both sides, an answer stored once however often the
 * same backup is merged.
 */
import type { CardStateRecord, ReviewLogRecord } from '../records';

const lastReviewOf = (state: Pick<CardStateRecord, 'fsrs'>): number => state.fsrs.last_review ?? -Infinity;

/** Whether a file's item state should replace the stored one: only when nothing is stored or it is newer. */
export function fileStateWins(
  stored: Pick<CardStateRecord, 'fsrs'> | undefined,
  incoming: Pick<CardStateRecord, 'fsrs'>,
): boolean {
  return stored === undefined || lastReviewOf(incoming) > lastReviewOf(stored);
}

/** One answer's identity: the same item answered at the same moment with the same grade is the same answer. */
export function answerIdentity(
  log: Pick<ReviewLogRecord, 'deckId' | 'itemId' | 'review' | 'rating'>,
): string {
  return `${log.deckId}\u0000${log.itemId}\u0000${log.review}\u0000${log.rating}`;
}
