import type { Transaction } from 'dexie';
import type { CardRecord, DeckRecord, ReviewLogRecord } from '../../domain/records';

/**
 * Schema version 4: every stored card gets `addedAt` (when it entered the collection; Browse's "Added" column and
 * "added in the last n days"). Cards stored before it carried no such date, so the upgrade fills in the best one
 * it honestly has: the earliest review log of any of the card's items, else the install time of its deck, else
 * the time of the upgrade. New cards get theirs when they are written (deck install, import, Add card).
 */
export async function v4AddedAt(tx: Transaction): Promise<void> {
  const upgradedAt = Date.now();
  const firstReview = new Map<string, number>();
  // Every log is read once, by cursor, keeping only each card's earliest answer.
  await tx
    .table<ReviewLogRecord>('reviewLogs')
    .toCollection()
    .each((log) => {
      const key = `${log.deckId}\u0001${log.cardId}`;
      const seen = firstReview.get(key);
      if (Number.isFinite(log.review) && (seen === undefined || log.review < seen))
        firstReview.set(key, log.review);
    });
  const installed = new Map<string, number>();
  for (const deck of await tx.table<DeckRecord>('decks').toArray())
    if (Number.isFinite(deck.installedAt)) installed.set(deck.id, deck.installedAt);
  await tx
    .table<CardRecord>('cards')
    .toCollection()
    .modify((row) => {
      if (typeof row.addedAt === 'number') return;
      row.addedAt =
        firstReview.get(`${row.deckId}\u0001${row.id}`) ?? installed.get(row.deckId) ?? upgradedAt;
    });
}
