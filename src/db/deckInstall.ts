import type { Deck } from '../domain/deck/schema';
import { type DeckSyncPlan, planDeckSync } from '../domain/deckSync';
import type { CardinalDb } from './database';

/**
 * Installs a validated deck, or updates the stored copy, in one transaction: the plan is computed from what
 * is stored inside the same transaction, so a failure anywhere leaves the database exactly as it was.
 */
export async function syncDeck(
  db: CardinalDb,
  deck: Deck,
  now: number,
  options: { shipped: boolean },
): Promise<DeckSyncPlan['summary']> {
  return db.transaction('rw', [db.decks, db.cards, db.cardStates], async () => {
    const [stored, cards, items] = await Promise.all([
      db.decks.get(deck.id),
      db.cards.where('deckId').equals(deck.id).toArray(),
      db.cardStates.where('deckId').equals(deck.id).toArray(),
    ]);
    const plan = planDeckSync(deck, { deck: stored, cards, items }, now, options.shipped);
    await db.decks.put(plan.deck);
    await db.cards.bulkPut(plan.cards);
    await db.cardStates.bulkPut(plan.items);
    return plan.summary;
  });
}
