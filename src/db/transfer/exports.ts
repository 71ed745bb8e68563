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

/**
 * The Anki card id of every stored item that has one (imported from an Anki package), keyed
 * `${deckId}\u0000${itemId}`, for the revlog CSV export (revlogCsv.ts).
 */
export async function loadRevlogCardIds(db: CardinalDb, deckId?: string): Promise<Map<string, number>> {
  const items = await db.cardStates.orderBy('ankiCardId').toArray();
  return new Map(
    items
      .filter((i) => i.ankiCardId !== undefined && (deckId === undefined || i.deckId === deckId))
      .map((i) => [`${i.deckId}\u0000${i.itemId}`, i.ankiCardId ?? 0]),
  );
}
