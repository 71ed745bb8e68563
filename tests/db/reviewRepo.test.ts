import { describe, expect, it, vi } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import {
  buryItem,
  lastUndoable,
  loadTodayQueue,
  nextDueAfterToday,
  recordAnswer,
  setSuspended,
  undoLastAnswer,
} from '../../src/db/reviewRepo';
import { rescheduleDeck } from '../../src/db/schedulerSettingsRepo';
import type { Grade4 } from '../../src/domain/scheduler';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { makeDueReview, SETTINGS } from '../helpers/items';

const DECK = 'test-deck';

async function seeded(cards = makeDeck().cards): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ cards }), T0, { shipped: true });
  return db;
}

async function answerCurrent(db: CardinalDb, now: number, rating: Grade4, settings = SETTINGS) {
  const queue = await loadTodayQueue(db, DECK, now, settings);
  if (!queue.current) throw new Error('nothing to answer');
  await recordAnswer(
    db,
    DECK,
    queue.current.itemId,
    { rating, now, durationMs: 3000, source: 'review' },
    settings,
  );
  return queue.current.itemId;
}

describe('the review loop against IndexedDB', () => {
  it('introduces new items in deck order, never two siblings on one day', async () => {
    const db = await seeded();
    const seen: string[] = [];
    let now = T0;
    for (;;) {
      const queue = await loadTodayQueue(db, DECK, now, SETTINGS);
      if (!queue.current) break;
      seen.push(queue.current.itemId);
      await recordAnswer(
        db,
        DECK,
        queue.current.itemId,
        { rating: 4, now, durationMs: 1, source: 'review' },
        SETTINGS,
      );
      now += MINUTE;
    }
    expect(seen).toEqual(['a.one#1', 'a.two#1', 'a.cloze#1', 'b.mcq#1', 'b.tf#1']);
    const tomorrow = await loadTodayQueue(db, DECK, T0 + DAY, SETTINGS);
    expect(tomorrow.current?.itemId).toBe('a.two#2');
  });

  it('stops at the daily new limit and starts again after the day rolls over at 4 a.m.', async () => {
    const db = await seeded([basic('a'), basic('b'), basic('c')]);
    const settings = { ...SETTINGS, newPerDay: 2 };
    await answerCurrent(db, T0, 4, settings);
    await answerCurrent(db, T0 + MINUTE, 4, settings);
    expect((await loadTodayQueue(db, DECK, T0 + 2 * MINUTE, settings)).current).toBeNull();
    const threeAm = new Date(2026, 2, 3, 3, 0).getTime();
    expect((await loadTodayQueue(db, DECK, threeAm, settings)).counts.new).toBe(0);
    const fourAm = new Date(2026, 2, 3, 4, 0).getTime();
    expect((await loadTodayQueue(db, DECK, fourAm, settings)).counts.new).toBe(1);
  });

  it('brings a learning item back when its step is due, within the session', async () => {
    const db = await seeded([basic('a'), basic('b')]);
    expect(await answerCurrent(db, T0, 3)).toBe('a#1'); // Good → 10m step
    expect(await answerCurrent(db, T0 + MINUTE, 3)).toBe('b#1');
    const waiting = await loadTodayQueue(db, DECK, T0 + 2 * MINUTE, SETTINGS);
    expect(waiting.current?.itemId).toBe('a#1'); // learn-ahead: nothing else left
    expect(waiting.counts).toEqual({ new: 0, learning: 2, review: 0 });
  });

  it('writes the state and the log together, or neither', async () => {
    const db = await seeded();
    const before = await db.cardStates.toArray();
    const spy = vi.spyOn(db.reviewLogs, 'add').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(
      recordAnswer(db, DECK, 'a.one#1', { rating: 3, now: T0, durationMs: 1, source: 'review' }, SETTINGS),
    ).rejects.toThrow('quota exceeded');
    spy.mockRestore();
    expect(await db.cardStates.toArray()).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(0);
  });

  it('undoes several answers in a row, restoring each state exactly and removing its log', async () => {
    const db = await seeded();
    const initial = await db.cardStates.toArray();
    await answerCurrent(db, T0, 3);
    const afterFirst = await db.cardStates.toArray();
    await answerCurrent(db, T0 + MINUTE, 1);
    await answerCurrent(db, T0 + 2 * MINUTE, 4);
    expect(await db.reviewLogs.count()).toBe(3);

    await undoLastAnswer(db, DECK, T0 + 3 * MINUTE, 4);
    await undoLastAnswer(db, DECK, T0 + 3 * MINUTE, 4);
    expect(await db.cardStates.toArray()).toEqual(afterFirst);
    expect(await db.reviewLogs.count()).toBe(1);
    await undoLastAnswer(db, DECK, T0 + 3 * MINUTE, 4);
    expect(await db.cardStates.toArray()).toEqual(initial);
    expect(await undoLastAnswer(db, DECK, T0 + 3 * MINUTE, 4)).toBeUndefined();
  });

  it('offers no undo once the study day has rolled over', async () => {
    const db = await seeded();
    await answerCurrent(db, T0, 3);
    expect(await lastUndoable(db, DECK, T0 + MINUTE, 4)).toBeDefined();
    expect(await lastUndoable(db, DECK, T0 + DAY, 4)).toBeUndefined();
  });

  it('keeps a buried item out until tomorrow and a suspended one until unsuspended', async () => {
    const db = await seeded([basic('a'), basic('b')]);
    await buryItem(db, DECK, 'a#1', T0, 4);
    expect((await loadTodayQueue(db, DECK, T0, SETTINGS)).current?.itemId).toBe('b#1');
    expect((await loadTodayQueue(db, DECK, T0 + DAY, SETTINGS)).current?.itemId).toBe('a#1');
    await setSuspended(db, DECK, 'a#1', true);
    expect((await loadTodayQueue(db, DECK, T0 + DAY, SETTINGS)).current?.itemId).toBe('b#1');
    await setSuspended(db, DECK, 'a#1', false);
    expect((await db.cardStates.get([DECK, 'a#1']))?.queue).toBe('new');
  });

  it("reads further ahead when siblings fill the first read, and still fills today's limits in index order", async () => {
    const cloze = {
      id: 'a.cloze',
      section: 'alpha',
      kind: 'cloze' as const,
      text: '{{c1::one}} {{c2::two}} {{c3::three}} {{c4::four}} {{c5::five}}',
    };
    const db = await seeded([cloze, basic('b'), basic('c', { reversed: true }), basic('d')]);
    // New: two a day; the first four new items are siblings, so only one of them may show today.
    const newOnly = { ...SETTINGS, newPerDay: 2 };
    const fresh = await loadTodayQueue(db, DECK, T0, newOnly);
    expect(fresh.counts.new).toBe(2);
    await answerCurrent(db, T0, 4, newOnly); // Easy: out of the way for days
    expect((await loadTodayQueue(db, DECK, T0 + MINUTE, newOnly)).current?.itemId).toBe('b#1');

    // Reviews: two a day; the two earliest due are siblings, the third is another card's.
    await db.cardStates.toCollection().modify((item) => {
      const due = { 'c#1': T0 - 3 * DAY, 'c#2': T0 - 2 * DAY, 'd#1': T0 - DAY }[item.itemId];
      if (due !== undefined) makeDueReview(item, due, DAY);
    });
    const reviews = await loadTodayQueue(db, DECK, T0 + DAY, { ...SETTINGS, reviewsPerDay: 2 });
    expect(reviews.counts.review).toBe(2);
    expect(reviews.current?.itemId).toBe('c#1');
  });

  it('reports when the next item is due after today', async () => {
    const db = await seeded([basic('a')]);
    await answerCurrent(db, T0, 4); // Easy on a new card: a review several days out
    const due = (await db.cardStates.get([DECK, 'a#1']))?.due;
    expect(await nextDueAfterToday(db, DECK, T0, 4)).toBe(due);
  });

  it('reschedules reviewed items when desired retention changes', async () => {
    const db = await seeded([basic('a')]);
    await answerCurrent(db, T0, 4);
    const before = await db.cardStates.get([DECK, 'a#1']);
    const changed = await rescheduleDeck(db, DECK, { ...SETTINGS, desiredRetention: 0.97 }, T0 + MINUTE);
    const after = await db.cardStates.get([DECK, 'a#1']);
    expect(changed).toBe(1);
    expect(after?.due).toBeLessThan(before?.due ?? 0);
  });

  it('produces a plausible schedule over 30 simulated days of daily reviews', async () => {
    const db = await seeded(Array.from({ length: 40 }, (_, i) => basic(`c${String(i).padStart(2, '0')}`)));
    const settings = { ...SETTINGS, newPerDay: 10 };
    let answers = 0;
    for (let day = 0; day < 30; day++) {
      let now = T0 + day * DAY;
      for (let guard = 0; guard < 200; guard++) {
        const queue = await loadTodayQueue(db, DECK, now, settings);
        if (!queue.current) break;
        // A learner who knows most cards: Again on every 7th answer, Good otherwise.
        const rating: Grade4 = answers % 7 === 6 ? 1 : 3;
        await recordAnswer(
          db,
          DECK,
          queue.current.itemId,
          { rating, now, durationMs: 5000, source: 'review' },
          settings,
        );
        answers++;
        now += 30_000;
      }
    }
    const states = await db.cardStates.toArray();
    expect(states.filter((s) => s.queue === 'new')).toHaveLength(0); // 40 new at 10/day: all introduced by day 4
    const reviewing = states.filter((s) => s.fsrs.state === 2);
    expect(reviewing.length).toBeGreaterThan(30);
    const intervals = reviewing.map((s) => s.fsrs.scheduled_days);
    expect(Math.max(...intervals)).toBeGreaterThan(14);
    expect(states.every((s) => s.due > T0 + 29 * DAY - DAY)).toBe(true); // nothing left overdue
    expect(await db.reviewLogs.count()).toBe(answers);
  });
});
