import { describe, expect, it, vi } from 'vitest';
import { type BrowseKeysResult, browseKeys } from '../../src/db/browse/browseRepo';
import { walkDeckOrder } from '../../src/db/browse/deckOrderWalk';
import type { CardStateRecord } from '../../src/domain/records';
import { freshDb, T0 } from '../helpers/builders';
import { newItem } from '../helpers/items';

const SEP = '\u0001';

/** n items in deck "d" (cards c0…), positions in order, and 3 in deck "e"; a run of items shares one position. */
function items(n: number): CardStateRecord[] {
  const rows = Array.from({ length: n }, (_, i) =>
    // Items 480–530 share one position (a deck whose positions repeat must lose none across a chunk's end).
    newItem(`c${i}#1`, T0, { position: i >= 480 && i <= 530 ? 480 * 100 : i * 100 }),
  );
  for (let i = 0; i < 3; i++) rows.push(newItem(`x${i}#1`, T0, { deckId: 'e', position: i * 100 }));
  return rows;
}

describe('Deck-order walk over the items index', { timeout: 30_000 }, () => {
  it('gives the first page first, then every key once, in deck order, across chunks', async () => {
    const db = await freshDb();
    const rows = items(1_300);
    await db.cardStates.bulkPut(rows);
    const pages: string[][] = [];
    const all = await walkDeckOrder(db, { exclude: new Set() }, 100, (keys) => {
      pages.push(keys.map((k) => k[1]));
    });
    expect(pages).toHaveLength(1);
    // The first page holds at least what was asked, all that the first chunk found.
    expect(pages[0]?.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i}#1`));
    expect(all).toHaveLength(1_303);
    expect(new Set(all.map((k) => k.join(SEP))).size).toBe(1_303);
    const positions = all.map(
      (k) => rows.find((r) => r.deckId === k[0] && r.itemId === k[1])?.position ?? -1,
    );
    const ordered = all.every(
      (k, i) => i === 0 || k[0] > (all[i - 1]?.[0] ?? '') || (positions[i] ?? 0) >= (positions[i - 1] ?? 0),
    );
    expect(ordered).toBe(true);
  });

  it('keeps only the cards, items and deck asked for, and never the excluded ones', async () => {
    const db = await freshDb();
    await db.cardStates.bulkPut(items(1_200));
    const cards = new Set(
      Array.from({ length: 1_200 }, (_, i) => `d${SEP}c${i}`).filter((_, i) => i % 3 === 0),
    );
    const some = await walkDeckOrder(db, { cards, exclude: new Set([`d${SEP}c0#1`]), deck: 'd' }, 10);
    expect(some).toHaveLength(399);
    expect(some[0]).toEqual(['d', 'c3#1']);
    const inE = await walkDeckOrder(
      db,
      { items: new Set([`e${SEP}x1#1`, `d${SEP}c5#1`]), exclude: new Set(), deck: 'e' },
      10,
    );
    expect(inE).toEqual([['e', 'x1#1']]);
  });

  it('Browse shows the first page of the whole list with its count before the rest', async () => {
    const db = await freshDb();
    const rows = items(700);
    const retired = rows[5] as CardStateRecord;
    retired.retired = true;
    retired.queue = 'retired';
    await db.cardStates.bulkPut(rows);
    const firsts: BrowseKeysResult[] = [];
    const done = await browseKeys(db, {}, T0, {
      onFirst: (first) => {
        firsts.push(first);
      },
    });
    // The first page at once, uncounted; then the same page with the count (read after the page is shown).
    expect(firsts).toHaveLength(2);
    expect(firsts[0]?.complete).toBe(false);
    expect(firsts[0]?.total).toBeUndefined();
    expect(firsts[1]?.total).toBe(702);
    expect(firsts[1]?.keys).toEqual(firsts[0]?.keys);
    expect(firsts[0]?.keys.length).toBeGreaterThanOrEqual(100);
    expect(firsts[0]?.keys.length).toBeLessThan(702);
    expect(firsts[0]?.keys.map((k) => k[1])).not.toContain('c5#1');
    expect(done.keys).toHaveLength(702);
    const deckE = await browseKeys(db, { deck: 'e' }, T0);
    expect(deckE.keys.map((k) => k[1])).toEqual(['x0#1', 'x1#1', 'x2#1']);
  });

  it('walks on for the rest only when the first page is shown, and stops when a newer search replaces it', async () => {
    const db = await freshDb();
    await db.cardStates.bulkPut(items(5_000));
    const releases: (() => void)[] = [];
    let settled = false;
    const search = browseKeys(db, {}, T0, {
      onFirst: () => new Promise<void>((resolve) => releases.push(resolve)),
    }).then((r) => {
      settled = true;
      return r;
    });
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    // Shown: the count is read, then (shown with it) the rest.
    releases[0]?.();
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[1]?.();
    expect((await search).keys).toHaveLength(5_003);

    const stop = new AbortController();
    const replaced = browseKeys(db, {}, T0, { onFirst: () => stop.abort(), signal: stop.signal });
    await expect(replaced).rejects.toThrow();
  });
});
