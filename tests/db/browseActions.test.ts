import { describe, expect, it } from 'vitest';
import {
  buryItems,
  deleteItems,
  flagItems,
  markItems,
  moveItems,
  rescheduleItems,
  resetItems,
  retagItems,
  setDueItems,
  suspendItems,
} from '../../src/db/browse/actions';
import { undoChange } from '../../src/db/browse/changes';
import type { ItemKey } from '../../src/db/browse/query';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import { basic, DAY, freshDb, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

const K = (itemId: string, deckId = 'test-deck'): ItemKey => [deckId, itemId];

async function snapshot(db: CardinalDb) {
  const [decks, cards, states, logs] = await Promise.all([
    db.decks.toArray(),
    db.cards.toArray(),
    db.cardStates.toArray(),
    db.reviewLogs.toArray(),
  ]);
  return { decks, cards, states, logs };
}

async function seeded(shipped = false) {
  const db = await freshDb();
  await syncDeck(db, makeDeck(), T0, { shipped });
  await syncDeck(db, makeDeck({ id: 'other', title: 'Other', cards: [basic('o.one')] }), T0, {
    shipped: false,
  });
  // Two answers on a.one#1, so history-based actions have something to work from.
  await recordAnswer(
    db,
    'test-deck',
    'a.one#1',
    { rating: 3, now: T0, durationMs: 3000, source: 'review' },
    SETTINGS,
  );
  await recordAnswer(
    db,
    'test-deck',
    'a.one#1',
    { rating: 3, now: T0 + DAY, durationMs: 3000, source: 'review' },
    SETTINGS,
  );
  return db;
}

const state = (db: CardinalDb, itemId: string, deckId = 'test-deck') => db.cardStates.get([deckId, itemId]);

/** Each action changes what it says, and its undo gives back every table exactly as it was. */
async function roundTrip(
  db: CardinalDb,
  act: () => Promise<{ undo: Parameters<typeof undoChange>[1]; message: string }>,
) {
  const before = await snapshot(db);
  const result = await act();
  const after = await snapshot(db);
  expect(after).not.toEqual(before);
  await undoChange(db, result.undo);
  expect(await snapshot(db)).toEqual(before);
  return { result, after };
}

describe('Browse bulk actions (each one transaction, each undone exactly)', () => {
  it('suspend and unsuspend', async () => {
    const db = await seeded();
    const { result, after } = await roundTrip(db, () => suspendItems(db, [K('a.one#1'), K('a.two#2')], true));
    expect(result.message).toBe('2 cards suspended');
    expect(after.states.filter((s) => s.suspended).map((s) => s.queue)).toEqual(['suspended', 'suspended']);
    await suspendItems(db, [K('a.one#1')], true);
    await suspendItems(db, [K('a.one#1')], false);
    expect(await state(db, 'a.one#1')).toMatchObject({ suspended: false, queue: 'review' });
  });

  it('bury until the next study day, and unbury', async () => {
    const db = await seeded();
    await roundTrip(db, () => buryItems(db, [K('b.tf#1')], true, T0));
    await buryItems(db, [K('b.tf#1')], true, T0);
    expect((await state(db, 'b.tf#1'))?.buriedUntil).toBeGreaterThan(T0);
    await buryItems(db, [K('b.tf#1')], false, T0);
    expect((await state(db, 'b.tf#1'))?.buriedUntil).toBe(0);
  });

  it('flag', async () => {
    const db = await seeded();
    const { after } = await roundTrip(db, () => flagItems(db, [K('b.mcq#1')], 3));
    expect(after.states.find((s) => s.itemId === 'b.mcq#1')?.flag).toBe(3);
  });

  it('mark marks the whole card', async () => {
    const db = await seeded();
    const { result, after } = await roundTrip(db, () => markItems(db, [K('a.two#1')], true));
    expect(result.message).toBe('1 card marked');
    expect(after.states.filter((s) => s.marked).map((s) => s.itemId)).toEqual(['a.two#1', 'a.two#2']);
  });

  it('reset to new (ts-fsrs forget) keeps the history', async () => {
    const db = await seeded();
    const { after } = await roundTrip(db, () => resetItems(db, [K('a.one#1'), K('b.tf#1')], T0 + 2 * DAY));
    const item = after.states.find((s) => s.itemId === 'a.one#1');
    expect(item).toMatchObject({ queue: 'new', fsrs: { state: 0, stability: 0 } });
    expect(after.logs).toHaveLength(2);
  });

  it('set due date', async () => {
    const db = await seeded();
    const due = T0 + 10 * DAY;
    const { after } = await roundTrip(db, () => setDueItems(db, [K('a.one#1'), K('b.tf#1')], due, T0 + DAY));
    for (const id of ['a.one#1', 'b.tf#1'])
      expect(after.states.find((s) => s.itemId === id)).toMatchObject({ due, queue: 'review' });
  });

  it('reschedule from history', async () => {
    const db = await seeded();
    await db.cardStates.update(['test-deck', 'a.one#1'], {
      due: T0 + 300 * DAY,
      'fsrs.due': T0 + 300 * DAY,
    } as never);
    const { result, after } = await roundTrip(db, () =>
      rescheduleItems(db, [K('a.one#1'), K('b.tf#1')], T0 + 2 * DAY),
    );
    expect(result.message).toBe('1 card rescheduled from history');
    expect(after.states.find((s) => s.itemId === 'a.one#1')?.due).toBeLessThan(T0 + 300 * DAY);
  });

  it('add and remove tags; the search words follow', async () => {
    const db = await seeded();
    const { after } = await roundTrip(db, () =>
      retagItems(db, [K('a.one#1'), K('a.two#2')], ['zulu', 'vs:x'], []),
    );
    const tagged = after.cards.filter((c) => c.card.tags?.includes('zulu')).map((c) => c.id);
    expect(tagged).toEqual(['a.one', 'a.two']);
    await retagItems(db, [K('a.one#1')], ['zulu'], []);
    expect(await db.cards.where('words').startsWith('zul').primaryKeys()).toEqual([['test-deck', 'a.one']]);
    await retagItems(db, [K('a.one#1')], [], ['zulu']);
    expect(await db.cards.where('words').startsWith('zul').count()).toBe(0);
  });

  it('delete removes the cards, their items and their history', async () => {
    const db = await seeded();
    const { result, after } = await roundTrip(db, () => deleteItems(db, [K('a.one#1'), K('a.two#2')]));
    expect(result.message).toBe('2 cards deleted');
    expect(after.cards.map((c) => c.id)).not.toContain('a.one');
    expect(after.states.map((s) => s.cardId)).not.toContain('a.two');
    expect(after.logs).toHaveLength(0);
    expect(after.decks.find((d) => d.id === 'test-deck')?.cardCount).toBe(3);
  });

  it('delete in a shipped deck keeps the card retired, so an update does not bring it back', async () => {
    const db = await seeded(true);
    await deleteItems(db, [K('a.one#1')]);
    expect(await db.cards.get(['test-deck', 'a.one'])).toMatchObject({
      retired: true,
      userEdit: { deleted: true },
    });
    await syncDeck(db, makeDeck({ version: 2 }), T0 + DAY, { shipped: true });
    expect(await db.cards.get(['test-deck', 'a.one'])).toMatchObject({ retired: true });
    expect(await db.cardStates.where('[deckId+cardId]').equals(['test-deck', 'a.one']).count()).toBe(0);
  });

  it('move to another deck carries items and history along', async () => {
    const db = await seeded();
    const { result, after } = await roundTrip(db, () => moveItems(db, [K('a.one#1')], 'other'));
    expect(result.message).toBe('1 card moved to another deck');
    expect(after.cards.find((c) => c.id === 'a.one')?.deckId).toBe('other');
    expect(after.states.find((s) => s.itemId === 'a.one#1')?.deckId).toBe('other');
    expect(after.logs.every((l) => l.deckId === 'other')).toBe(true);
    expect(after.decks.map((d) => [d.id, d.cardCount])).toEqual([
      ['other', 2],
      ['test-deck', 4],
    ]);
  });
});
