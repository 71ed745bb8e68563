/** Reads for the exports: a deck as its deck file, and review logs for the FSRS optimizer. */
import type { Deck } from '../../domain/deck/schema';
import type { ReviewLogRecord } from '../../domain/records';
import { deckFromRecords } from '../../domain/transfer/deckJson';
import type { CardinalDb } from '../database';

export async function loadDeckFile(db: CardinalDb, deckId: string): Promise<Deck | undefined> {
  return db.transaction('r', [db.decks, db.cards], async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) return undefined;
    return deckFromRecords(deck, await db.cards.where('deckId').equals(deckId).toArray());
  });
}

/** Every review log, or one deck's, in time order. */
export async function loadReviewLogs(db: CardinalDb, deckId?: string): Promise<ReviewLogRecord[]> {
  if (deckId === undefined) return db.reviewLogs.orderBy('review').toArray();
  return db.reviewLogs.where('[deckId+review]').between([deckId, -Infinity], [deckId, Infinity]).toArray();
}
