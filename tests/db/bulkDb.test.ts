import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { announceEverythingChanged, openBulkDb } from '../../src/db/bulkDb';
import { syncDeck } from '../../src/db/deckInstall';
import { freshDb, makeDeck, T0 } from '../helpers/builders';

describe('the bulk-write connection', () => {
  it('writes without per-key change tracking, then one announcement re-runs live queries', async () => {
    const db = await freshDb();
    const bulk = openBulkDb(db.name);
    const seen: number[] = [];
    const subscription = liveQuery(() => db.cards.count()).subscribe((n) => seen.push(n));
    try {
      await expect.poll(() => seen).toEqual([0]);
      await syncDeck(bulk, makeDeck(), T0, { shipped: false });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).toEqual([0]);

      announceEverythingChanged();
      await expect.poll(() => seen.at(-1)).toBe(5);
    } finally {
      subscription.unsubscribe();
      bulk.close();
    }
  });
});
