import { describe, expect, it, vi } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import type { Deck } from '../../src/domain/deck/schema';
import type { CardStateRecord } from '../../src/domain/records';
import { basic, DAY, freshDb, makeDeck, T0 } from '../helpers/builders';

async function snapshot(db: CardinalDb) {
  return {
    decks: await db.decks.toArray(),
    cards: await db.cards.toArray(),
    cardStates: await db.cardStates.toArray(),
  };
}

/** Pretend an item was reviewed: give it a review state as the scheduler would. */
async function markReviewed(db: CardinalDb, deckId: string, itemId: string): Promise<CardStateRecord> {
  const key: [string, string] = [deckId, itemId];
  await db.cardStates.update(key, {
    fsrs: {
      due: T0 + 3 * DAY,
      stability: 3.2,
      difficulty: 5.1,
      elapsed_days: 0,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 2,
      lapses: 0,
      state: 2,
      last_review: T0,
    },
    queue: 'review',
    due: T0 + 3 * DAY,
  });
  const row = await db.cardStates.get(key);
  if (!row) throw new Error(`no state for ${itemId}`);
  return row;
}

describe('syncDeck: first install', () => {
  it('stores the deck, its cards and one new state per review item', async () => {
    const db = await freshDb();
    const summary = await syncDeck(db, makeDeck(), T0, { shipped: true });

    expect(summary).toEqual({ added: 5, updated: 0, unchanged: 0, retired: 0, restored: 0 });
    const { decks, cards, cardStates } = await snapshot(db);
    expect(decks).toEqual([
      expect.objectContaining({ id: 'test-deck', version: 1, shipped: true, cardCount: 5 }),
    ]);
    expect(cards.map((c) => c.id).sort()).toEqual(['a.cloze', 'a.one', 'a.two', 'b.mcq', 'b.tf']);
    expect(cardStates.map((s) => s.itemId).sort()).toEqual([
      'a.cloze#1',
      'a.cloze#2',
      'a.one#1',
      'a.two#1',
      'a.two#2',
      'b.mcq#1',
      'b.tf#1',
    ]);
    expect(cardStates.every((s) => s.queue === 'new' && s.fsrs.state === 0 && s.fsrs.reps === 0)).toBe(true);
  });

  it('orders new items as the deck file does', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: true });
    const ordered = (await db.cardStates.toArray())
      .sort((a, b) => a.position - b.position)
      .map((s) => s.itemId);
    expect(ordered).toEqual(['a.one#1', 'a.two#1', 'a.two#2', 'a.cloze#1', 'a.cloze#2', 'b.mcq#1', 'b.tf#1']);
  });
});

describe('syncDeck: a newer version of the deck', () => {
  it('keeps review state of unchanged ids, adds new cards as new, retires removed cards', async () => {
    const db = await freshDb();
    const v1 = makeDeck();
    await syncDeck(db, v1, T0, { shipped: true });
    const reviewedOne = await markReviewed(db, v1.id, 'a.one#1');
    const reviewedRemoved = await markReviewed(db, v1.id, 'b.tf#1');

    const v2: Deck = {
      ...v1,
      version: 2,
      cards: [
        basic('a.one', { front: 'Front of a.one, typo fixed' }),
        ...v1.cards.filter((c) => c.id !== 'a.one' && c.id !== 'b.tf'),
        basic('c.new', { section: 'beta' }),
      ],
    };
    const summary = await syncDeck(db, v2, T0 + DAY, { shipped: true });

    expect(summary).toEqual({ added: 1, updated: 1, unchanged: 3, retired: 1, restored: 0 });
    const kept = await db.cardStates.get([v1.id, 'a.one#1']);
    expect(kept?.fsrs).toEqual(reviewedOne.fsrs);
    expect(kept?.queue).toBe('review');
    expect((await db.cards.get([v1.id, 'a.one']))?.card).toMatchObject({
      front: 'Front of a.one, typo fixed',
    });

    const added = await db.cardStates.get([v1.id, 'c.new#1']);
    expect(added).toMatchObject({ queue: 'new', retired: false, fsrs: { state: 0, reps: 0, due: T0 + DAY } });

    const retiredCard = await db.cards.get([v1.id, 'b.tf']);
    expect(retiredCard?.retired).toBe(true);
    const retiredState = await db.cardStates.get([v1.id, 'b.tf#1']);
    expect(retiredState).toMatchObject({ retired: true, queue: 'retired', fsrs: reviewedRemoved.fsrs });
    expect((await db.decks.get(v1.id))?.version).toBe(2);
    expect((await db.decks.get(v1.id))?.cardCount).toBe(5);
  });

  it('retires a cloze deletion that was removed and adds one that was added, keeping the others', async () => {
    const db = await freshDb();
    const v1 = makeDeck();
    await syncDeck(db, v1, T0, { shipped: true });
    const c1 = await markReviewed(db, v1.id, 'a.cloze#1');
    const v2: Deck = {
      ...v1,
      version: 2,
      cards: v1.cards.map((c) =>
        c.id === 'a.cloze'
          ? { ...c, text: '{{c1::VXLAN}} uses {{c2::UDP}}, typically port {{c3::4789}}.' }
          : c,
      ),
    };
    await syncDeck(db, v2, T0, { shipped: true });
    const v3: Deck = {
      ...v2,
      version: 3,
      cards: v1.cards.map((c) => (c.id === 'a.cloze' ? { ...c, text: '{{c1::VXLAN}} is L2 over L3.' } : c)),
    };
    await syncDeck(db, v3, T0, { shipped: true });

    expect((await db.cardStates.get([v1.id, 'a.cloze#1']))?.fsrs).toEqual(c1.fsrs);
    expect((await db.cardStates.get([v1.id, 'a.cloze#2']))?.queue).toBe('retired');
    expect((await db.cardStates.get([v1.id, 'a.cloze#3']))?.queue).toBe('retired');
  });

  it('restores a retired card with its old state when it comes back', async () => {
    const db = await freshDb();
    const v1 = makeDeck();
    await syncDeck(db, v1, T0, { shipped: true });
    const reviewed = await markReviewed(db, v1.id, 'b.tf#1');
    await syncDeck(db, { ...v1, version: 2, cards: v1.cards.filter((c) => c.id !== 'b.tf') }, T0, {
      shipped: true,
    });
    const summary = await syncDeck(db, { ...v1, version: 3 }, T0, { shipped: true });

    expect(summary.restored).toBe(1);
    expect(await db.cardStates.get([v1.id, 'b.tf#1'])).toMatchObject({
      retired: false,
      queue: 'review',
      fsrs: reviewed.fsrs,
    });
  });

  it('leaves the database exactly as it was when a write fails midway', async () => {
    const db = await freshDb();
    const v1 = makeDeck();
    await syncDeck(db, v1, T0, { shipped: true });
    await markReviewed(db, v1.id, 'a.one#1');
    const before = await snapshot(db);

    const spy = vi.spyOn(db.cardStates, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    const v2: Deck = { ...v1, version: 2, cards: [...v1.cards.slice(1), basic('c.new')] };
    await expect(syncDeck(db, v2, T0 + DAY, { shipped: true })).rejects.toThrow('disk full');
    spy.mockRestore();

    expect(await snapshot(db)).toEqual(before);
  });
});
