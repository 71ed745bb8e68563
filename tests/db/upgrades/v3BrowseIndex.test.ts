import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/db/database';
import { reviewItemsOf } from '../../../src/domain/deck/reviewItems';
import type { CardRecord, CardStateRecord } from '../../../src/domain/records';
import { makeDeck, T0 } from '../../helpers/builders';
import { newItem } from '../../helpers/items';

describe('schema version 3 (Browse indexes)', () => {
  it('opens a version 2 database: every row survives and every card gets its search words', async () => {
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
    const deck = makeDeck();
    const { cards: _cards, ...meta } = deck;
    const cards: CardRecord[] = deck.cards.map((card, position) => ({
      deckId: deck.id,
      id: card.id,
      position,
      retired: false,
      card,
    }));
    const states: CardStateRecord[] = deck.cards.flatMap((card, position) =>
      reviewItemsOf(card).map((ref) =>
        newItem(ref.itemId, T0, {
          deckId: deck.id,
          section: card.section,
          position: position * 100 + ref.ordinal,
        }),
      ),
    );
    await v2
      .table('decks')
      .put({ ...meta, shipped: true, installedAt: T0, updatedAt: T0, cardCount: cards.length });
    await v2.table('cards').bulkPut(cards);
    await v2.table('cardStates').bulkPut(states);
    await v2.table('settings').put({ key: 'kept', value: 1 });
    v2.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    const stored = await db.cards.toArray();
    expect(stored.map(({ words: _w, ...row }) => row)).toEqual(
      [...cards].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(stored.find((c) => c.id === 'a.cloze')?.words).toEqual(['4789', 'port', 'udp', 'uses', 'vxlan']);
    expect(await db.cardStates.toArray()).toEqual([...states].sort((a, b) => (a.itemId < b.itemId ? -1 : 1)));
    expect(await db.cards.where('words').startsWith('vx').primaryKeys()).toEqual([['test-deck', 'a.cloze']]);
    expect(await db.cardStates.where('queue').equals('new').count()).toBe(states.length);
    expect(await db.settings.get('kept')).toEqual({ key: 'kept', value: 1 });
    db.close();
  });
});
