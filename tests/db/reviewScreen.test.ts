import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import { ALL_DECKS, loadReviewDay, loadReviewScope } from '../../src/db/reviewScreen';
import { saveSchedulerSettings } from '../../src/db/schedulerSettingsRepo';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/settings';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { makeDueReview, SETTINGS } from '../helpers/items';

async function twoDecks(): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ id: 'beta', title: 'Beta', cards: [basic('b1'), basic('b2')] }), T0, {
    shipped: true,
  });
  await syncDeck(db, makeDeck({ id: 'alpha', title: 'Alpha', cards: [basic('a1'), basic('a2')] }), T0, {
    shipped: true,
  });
  return db;
}

describe('the review screen reads', () => {
  it('finds the decks in scope with their settings, or nothing for an unknown deck', async () => {
    const db = await twoDecks();
    await saveSchedulerSettings(db, 'beta', { ...SETTINGS, newPerDay: 7 });
    expect(await loadReviewScope(db, 'nope')).toBeNull();
    const one = await loadReviewScope(db, 'beta');
    expect(one?.decks.map((d) => d.title)).toEqual(['Beta']);
    expect(one?.settings.beta?.newPerDay).toBe(7);
    const all = await loadReviewScope(db, ALL_DECKS);
    expect(all?.decks.map((d) => d.id)).toEqual(['alpha', 'beta']);
    expect(all?.settings.alpha).toEqual(DEFAULT_SCHEDULER_SETTINGS);
    expect(all?.settings.beta?.newPerDay).toBe(7);
  });

  it("reads today's queue, the current card, the undoable answer and the next due time across decks", async () => {
    const db = await twoDecks();
    await saveSchedulerSettings(db, 'alpha', SETTINGS);
    await saveSchedulerSettings(db, 'beta', SETTINGS);
    const scope = await loadReviewScope(db, ALL_DECKS);
    if (!scope) throw new Error('no decks');

    const first = await loadReviewDay(db, scope, T0);
    expect(first.asOf).toBe(T0);
    expect(first.queue.counts).toEqual({ new: 4, learning: 0, review: 0 });
    expect(first.queue.current?.itemId).toBe('a1#1');
    expect(first.card?.card).toMatchObject({ id: 'a1', front: 'Front of a1' });
    expect(first.undoable).toBeUndefined();
    expect(first.nextDue).toBeNull();

    // Easy on a new card in each deck, the second from an exam: only the review-screen answer is undoable.
    const answer = (deckId: string, itemId: string, now: number, source: 'review' | 'exam') =>
      recordAnswer(db, deckId, itemId, { rating: 4, now, durationMs: 1000, source }, SETTINGS);
    const fromReview = await answer('alpha', 'a1#1', T0, 'review');
    await answer('beta', 'b1#1', T0 + MINUTE, 'exam');
    const after = await loadReviewDay(db, scope, T0 + 2 * MINUTE);
    expect(after.queue.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(after.undoable?.id).toBe(fromReview.logId);
    const dues = (await db.cardStates.bulkGet([
      ['alpha', 'a1#1'],
      ['beta', 'b1#1'],
    ])) as Array<{ due: number }>;
    expect(after.nextDue).toBe(Math.min(...dues.map((d) => d.due)));
    expect(after.nextDue).toBeGreaterThan(T0 + DAY);
  });

  it('returns the same day however far it is told to read ahead', async () => {
    const db = await freshDb();
    const cards = [basic('a', { reversed: true }), basic('b', { reversed: true }), basic('c'), basic('d')];
    await syncDeck(db, makeDeck({ id: 'alpha', cards }), T0, { shipped: true });
    const settings = { ...SETTINGS, newPerDay: 3, reviewsPerDay: 2 };
    await saveSchedulerSettings(db, 'alpha', settings);
    // Reversed siblings due side by side, and one item buried.
    await db.cardStates.toCollection().modify((item) => {
      const due = { 'a#1': T0 - 3 * DAY, 'a#2': T0 - 2 * DAY, 'b#1': T0 - DAY }[item.itemId];
      if (item.itemId === 'c#1') item.buriedUntil = T0 + DAY;
      if (due !== undefined) makeDueReview(item, due, DAY);
    });
    await recordAnswer(
      db,
      'alpha',
      'a#1',
      { rating: 3, now: T0, durationMs: 1000, source: 'review' },
      settings,
    );
    const scope = await loadReviewScope(db, 'alpha');
    if (!scope) throw new Error('no deck');
    const now = T0 + MINUTE;
    const told = await loadReviewDay(db, scope, now);
    expect(told.queue.counts).toEqual({ new: 1, learning: 0, review: 1 });
    for (const ahead of [
      { reviews: 0, fresh: 0 },
      { reviews: 1, fresh: 1 },
      { reviews: 2, fresh: 2 },
      { reviews: 100, fresh: 100 },
    ])
      expect(await loadReviewDay(db, scope, now, { alpha: ahead })).toEqual(told);
  });
});
