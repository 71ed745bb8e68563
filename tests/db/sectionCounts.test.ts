import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { cardsPerSection } from '../../src/db/sectionCounts';
import { basic, freshDb, makeDeck, T0 } from '../helpers/builders';

describe('cardsPerSection', () => {
  it('counts cards (not their sides) per section, leaving retired cards out', async () => {
    const db = await freshDb();
    const cards = [
      basic('a1', { section: 'alpha', reversed: true }),
      basic('a2', { section: 'alpha' }),
      basic('gone', { section: 'alpha' }),
      basic('b1', { section: 'beta' }),
    ];
    await syncDeck(db, makeDeck({ cards }), T0, { shipped: true });
    // Version 2 of the deck drops "gone": it is retired, kept with its history.
    await syncDeck(db, makeDeck({ version: 2, cards: cards.filter((c) => c.id !== 'gone') }), T0, {
      shipped: true,
    });
    await db.cardStates.update(['test-deck', 'b1#1'], { suspended: true, queue: 'suspended' });
    const counts = await cardsPerSection(db, 'test-deck', ['alpha', 'alpha-one', 'beta']);
    expect(Object.fromEntries(counts)).toEqual({ alpha: 2, 'alpha-one': 0, beta: 1 });
  });

  it('opens a version 2 database, keeping its review items and indexing them by section', async () => {
    const name = `cardinal-v2-${Math.random().toString(36).slice(2)}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({
      decks: 'id',
      cards: '[deckId+id], deckId',
      cardStates:
        '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position]',
      reviewLogs: '++id, [deckId+itemId], [deckId+review], review',
      settings: 'key',
    });
    v2.version(2).stores({ exams: 'id, status, deckId, startedAt, [deckId+status]' });
    await v2.open();
    await v2.table('cardStates').put({ deckId: 'd', itemId: 'x#1', cardId: 'x', section: 's', queue: 'new' });
    v2.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(Object.fromEntries(await cardsPerSection(db, 'd', ['s']))).toEqual({ s: 1 });
    db.close();
  });
});
