import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/db/deckInstall';
import { deckCounts, deckUnseen, listDecks } from '../../src/db/decksRepo';
import { saveSchedulerSettings } from '../../src/db/schedulerSettingsRepo';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/domain/settings';
import { DAY, freshDb, makeDeck, T0 } from '../helpers/builders';

describe('deckCounts', () => {
  it('counts due now, new today and unseen items as the review page does', async () => {
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

    // Unseen: a.cloze#2 and b.mcq#1; a.cloze#2 waits for tomorrow (its sibling is in learning), so 1 new today.
    expect(await deckCounts(db, { id: deck.id, cardCount: 5 }, T0)).toEqual({
      cards: 5,
      dueNow: 3,
      newToday: 1,
    });
    expect(await deckUnseen(db, deck.id)).toBe(2);
  });

  it('lets in as many new items as the daily limit allows, one per card, and counts every unseen item', async () => {
    const db = await freshDb();
    const deck = makeDeck();
    await syncDeck(db, deck, T0, { shipped: true });
    const fresh = await deckCounts(db, { id: deck.id, cardCount: 5 }, T0);
    expect(fresh).toEqual({ cards: 5, dueNow: 0, newToday: 5 });
    expect(await deckUnseen(db, deck.id)).toBe(7);

    await saveSchedulerSettings(db, deck.id, { ...DEFAULT_SCHEDULER_SETTINGS, newPerDay: 2 });
    expect(await deckCounts(db, { id: deck.id, cardCount: 5 }, T0)).toMatchObject({ newToday: 2 });
    expect(await deckUnseen(db, deck.id)).toBe(7);
  });

  it('lists nothing in an empty database', async () => {
    expect(await listDecks(await freshDb())).toEqual([]);
  });
});
