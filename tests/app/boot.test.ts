import { describe, expect, it, vi } from 'vitest';
import { staleShippedDecks } from '../../src/app/boot';
import type { ShippedDeck } from '../../src/app/shippedDecks';
import { installShippedDecks } from '../../src/app/startup';
import { freshDb, makeDeck, T0 } from '../helpers/builders';

describe('start-up reads stored versions before fetching a shipped deck', () => {
  it('loads a shipped deck only when it is missing or newer than the stored copy', async () => {
    const db = await freshDb();
    const v1 = makeDeck();
    const load = vi.fn(async () => v1);
    const shipped: ShippedDeck = { id: v1.id, version: v1.version, load };
    const manifest = [shipped];

    expect((await staleShippedDecks(db, manifest)).map((d) => d.id)).toEqual([v1.id]);
    const report = await installShippedDecks(db, [await shipped.load()], T0);
    expect(report.installed).toEqual([v1.id]);
    load.mockClear();

    // Warm start: same version stored, nothing to fetch or validate.
    expect(await staleShippedDecks(db, manifest)).toEqual([]);
    expect(load).not.toHaveBeenCalled();

    // An app update ships a newer version: that deck is fetched again.
    expect(await staleShippedDecks(db, [{ ...shipped, version: v1.version + 1 }])).toHaveLength(1);
  });
});
