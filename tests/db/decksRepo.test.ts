import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/db/deckInstall';
import { deckSummaries } from '../../src/db/decksRepo';
import { DAY, freshDb, makeDeck, T0 } from '../helpers/builders';

describe('deckSummaries', () => {
  it('counts cards, review items, new, learning and due items for the study day', async () => {
    const db = await freshDb();
    const deck = makeDeck();
    await syncDeck(db, deck, T0, { shipped: true });
    const set = (itemId: string, queue: 'learning' | 'review' | 'suspended', due: number, state: 1 | 2) =>
      db.cardStates.update([deck.id, itemId], { queue, due, 'fsrs.state': state, 'fsrs.due': due });
    await set('a.one#1', 'review', T0 - DAY, 2); // overdue
    await set('a.two#1', 'review', T0 + 12 * 60 * 60_000, 2); // 22:00 today: before the 4 a.m. rollover
    await set('a.two#2', 'review', T0 + 2 * DAY, 2); // not today
    await set('a.cloze#1', 'learning', T0 + 10 * 60_000, 1);
    await set('b.tf#1', 'suspended', T0 - DAY, 2);

    const [summary] = await deckSummaries(db, T0, 4);
    expect(summary?.counts).toEqual({ cards: 5, items: 7, new: 2, learning: 1, review: 2, suspended: 1 });
  });

  it('lists nothing in an empty database', async () => {
    expect(await deckSummaries(await freshDb(), T0, 4)).toEqual([]);
  });
});
