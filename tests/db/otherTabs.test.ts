import { describe, expect, it, vi } from 'vitest';
import { createDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { watchOtherTabs } from '../../src/db/otherTabs';
import { recordAnswer, StaleItemError } from '../../src/db/reviewRepo';
import { basic, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

describe('several tabs', () => {
  it('an old tab lets a newer schema upgrade through and is told to reload, instead of blocking it', async () => {
    const name = `tabs-${Math.random()}`;
    const oldTab = createDb(name);
    const replaced = vi.fn();
    const blocked = vi.fn();
    watchOtherTabs(oldTab, { replaced, blocked });
    await oldTab.open();
    // A newer app in another tab opens the database at a higher version (Dexie stores version n as n * 10).
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, oldTab.verno * 10 + 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the old tab'));
    });
    expect(upgraded.version).toBe(oldTab.verno * 10 + 10);
    expect(replaced).toHaveBeenCalledOnce();
    expect(oldTab.isOpen()).toBe(false);
    upgraded.close();
  });

  it('the same card graded in two tabs: the second answer is refused, one log, no stale state applied', async () => {
    const name = `tabs-${Math.random()}`;
    const [tabA, tabB] = [createDb(name), createDb(name)];
    await syncDeck(tabA, makeDeck({ cards: [basic('a')] }), T0, { shipped: true });
    const shown = await tabB.cardStates.get(['test-deck', 'a#1']);
    if (!shown) throw new Error('fixture');
    const shownAs = { reps: shown.fsrs.reps, lastReview: shown.fsrs.last_review };
    const input = (rating: 1 | 3) => ({
      rating,
      now: T0 + MINUTE,
      durationMs: 3000,
      source: 'review' as const,
    });

    const first = await recordAnswer(tabA, 'test-deck', 'a#1', input(3), SETTINGS, shownAs);
    await expect(recordAnswer(tabB, 'test-deck', 'a#1', input(1), SETTINGS, shownAs)).rejects.toThrow(
      StaleItemError,
    );
    expect(await tabB.reviewLogs.count()).toBe(1);
    expect(await tabB.cardStates.get(['test-deck', 'a#1'])).toEqual(first.item);
    // Answering what is stored now (as the refreshed screen shows it) works.
    const now = { reps: first.item.fsrs.reps, lastReview: first.item.fsrs.last_review };
    await recordAnswer(tabB, 'test-deck', 'a#1', input(1), SETTINGS, now);
    expect(await tabA.reviewLogs.count()).toBe(2);
  });
});
