import { describe, expect, it } from 'vitest';
import { moveItems } from '../../src/db/browse/actions';
import { addCard } from '../../src/db/cardEdits';
import { syncDeck } from '../../src/db/deckInstall';
import { basic, DAY, freshDb, makeDeck, T0 } from '../helpers/builders';

describe('when a card was added (addedAt)', () => {
  it('is set when a deck installs, kept by its updates, set for cards added later, kept by a move', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck({ cards: [basic('a'), basic('b')] }), T0, { shipped: true });
    // An update a day later: a's wording changes, c is new.
    await syncDeck(
      db,
      makeDeck({ version: 2, cards: [basic('a', { front: 'Changed' }), basic('b'), basic('c')] }),
      T0 + DAY,
      { shipped: true },
    );
    const id = await addCard(db, 'test-deck', basic('draft', { front: 'My own card' }), T0 + 2 * DAY);
    const added = async (deckId: string, cardId: string) => (await db.cards.get([deckId, cardId]))?.addedAt;
    expect(await added('test-deck', 'a')).toBe(T0);
    expect(await added('test-deck', 'b')).toBe(T0);
    expect(await added('test-deck', 'c')).toBe(T0 + DAY);
    expect(await added('test-deck', id)).toBe(T0 + 2 * DAY);

    await syncDeck(db, makeDeck({ id: 'other', title: 'Other', cards: [basic('o')] }), T0 + 3 * DAY, {
      shipped: false,
    });
    await moveItems(db, [['test-deck', 'b#1']], 'other');
    expect(await added('other', 'b')).toBe(T0);
  });
});
