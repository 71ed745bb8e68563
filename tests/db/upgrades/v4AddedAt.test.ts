import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/db/database';
import type { CardRecord, ReviewLogRecord } from '../../../src/domain/records';
import { basic, DAY, makeDeck, T0 } from '../../helpers/builders';

/** Schema version 3 as released. */
function atVersion3(name: string): Dexie {
  const v3 = new Dexie(name);
  v3.version(1).stores({
    decks: 'id',
    cards: '[deckId+id], deckId',
    cardStates:
      '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position]',
    reviewLogs: '++id, [deckId+itemId], [deckId+review], review',
    settings: 'key',
  });
  v3.version(2).stores({ exams: 'id, status, deckId, startedAt, [deckId+status]' });
  v3.version(3).stores({
    cards: '[deckId+id], deckId, id, *words, *card.tags, card.kind',
    cardStates:
      '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position], [deckId+section+queue], [deckId+section], [deckId+position], queue, due, flag, fsrs.lapses, fsrs.stability, fsrs.difficulty, fsrs.reps, fsrs.scheduled_days, fsrs.last_review, buriedUntil',
    media: '[deckId+name], deckId',
  });
  return v3;
}

function log(deckId: string, itemId: string, review: number): ReviewLogRecord {
  const fsrs = {
    due: review,
    stability: 1,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 0,
    lapses: 0,
    state: 0 as const,
    last_review: null,
  };
  return {
    deckId,
    itemId,
    cardId: itemId.slice(0, itemId.indexOf('#')),
    rating: 3,
    state: 0,
    due: review,
    stability: 1,
    difficulty: 5,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    review,
    durationMs: 1000,
    source: 'review',
    before: { fsrs, suspended: false, leech: false },
  };
}

describe('schema version 4 (cards get addedAt)', () => {
  it('dates each stored card by its first answer, else its deck’s install, else the upgrade; indexes it', async () => {
    const name = `cardinal-v3-${Math.random().toString(36).slice(2)}`;
    const v3 = atVersion3(name);
    await v3.open();
    const deck = makeDeck({ cards: [basic('a', { reversed: true }), basic('b'), basic('c')] });
    const { cards: _cards, ...meta } = deck;
    const installedAt = T0 - 30 * DAY;
    await v3.table('decks').put({ ...meta, shipped: false, installedAt, updatedAt: T0, cardCount: 3 });
    const row = (deckId: string, id: string, position: number): CardRecord => ({
      deckId,
      id,
      position,
      retired: false,
      card: basic(id),
      words: [],
    });
    // "orphan" has no deck row (a damaged database): nothing tells when it came.
    await v3
      .table('cards')
      .bulkPut([
        row('test-deck', 'a', 0),
        row('test-deck', 'b', 1),
        row('test-deck', 'c', 2),
        row('orphan', 'z', 0),
      ]);
    // Card a: answered on its reversed item first (10 days ago), then its front (5 days ago).
    await v3
      .table('reviewLogs')
      .bulkAdd([
        log('test-deck', 'a#1', T0 - 5 * DAY),
        log('test-deck', 'a#2', T0 - 10 * DAY),
        log('test-deck', 'b#1', T0 - 2 * DAY),
      ]);
    v3.close();

    const before = Date.now();
    const db = createDb(name);
    await db.open();
    const added = new Map((await db.cards.toArray()).map((c) => [`${c.deckId}/${c.id}`, c.addedAt]));
    expect(added.get('test-deck/a')).toBe(T0 - 10 * DAY);
    expect(added.get('test-deck/b')).toBe(T0 - 2 * DAY);
    expect(added.get('test-deck/c')).toBe(installedAt);
    expect(added.get('orphan/z')).toBeGreaterThanOrEqual(before);
    // The index answers "added in the last 7 days".
    const recent = await db.cards
      .where('addedAt')
      .aboveOrEqual(T0 - 7 * DAY)
      .primaryKeys();
    expect(recent.map((k) => k.join('/')).sort()).toEqual(['orphan/z', 'test-deck/b']);
    expect(await db.reviewLogs.count()).toBe(3);
    db.close();
  });
});
