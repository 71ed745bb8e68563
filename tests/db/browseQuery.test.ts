import { describe, expect, it } from 'vitest';
import { browseKeys } from '../../src/db/browse/browseRepo';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import { basic, freshDb, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

describe('Browse query over the indexes', () => {
  it('finds the items of many matching cards (more than 2,000) and leaves out retired ones', {
    timeout: 30_000,
  }, async () => {
    const db = await freshDb();
    const cards = Array.from({ length: 2_100 }, (_, i) =>
      basic(`c${i}`, { front: `common word ${i}`, ...(i % 3 === 0 ? { reversed: true } : {}) }),
    );
    await syncDeck(db, makeDeck({ cards }), T0, { shipped: false });
    const all = await browseKeys(db, { q: 'comm' }, T0);
    expect(all.keys).toHaveLength(2_100 + 700);
    // Retire one card by shipping the deck without it.
    await syncDeck(db, makeDeck({ version: 2, cards: cards.slice(1) }), T0, { shipped: false });
    const after = await browseKeys(db, { q: 'common' }, T0);
    expect(after.keys).toHaveLength(2_100 + 700 - 2);
    expect(after.keys.map((k) => k[1])).not.toContain('c0#1');
  });

  it('filters a section with its subsections, and sorts never-reviewed items last either way', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const alpha = await browseKeys(db, { deck: 'test-deck', section: 'alpha' }, T0);
    expect(alpha.keys.map((k) => k[1])).toEqual(['a.one#1', 'a.two#1', 'a.two#2', 'a.cloze#1', 'a.cloze#2']);
    await recordAnswer(
      db,
      'test-deck',
      'b.tf#1',
      { rating: 3, now: T0, durationMs: 1, source: 'review' },
      SETTINGS,
    );
    for (const dir of ['asc', 'desc'] as const) {
      const byLast = await browseKeys(db, { sort: 'lastReview', dir }, T0);
      expect(byLast.keys[0]?.[1]).toBe('b.tf#1');
      expect(byLast.keys).toHaveLength(7);
    }
  });

  it('finds cards with several words, whichever of them is rare or common, with the rows of the first keys', {
    timeout: 30_000,
  }, async () => {
    const db = await freshDb();
    const cards = Array.from({ length: 2_100 }, (_, i) =>
      basic(`c${i}`, {
        front: `common word ${i}${i % 500 === 7 ? ' rarity' : ''}`,
        ...(i % 3 === 0 ? { reversed: true } : {}),
      }),
    );
    await syncDeck(db, makeDeck({ cards }), T0, { shipped: false });
    const ids = async (q: string) => (await browseKeys(db, { q }, T0)).keys.map((k) => k[1]);
    // A rare word and a common one (more than 2,000 cards): the rare one's cards are checked for the other.
    expect(await ids('rar comm')).toEqual([
      'c7#1',
      'c507#1',
      'c507#2',
      'c1007#1',
      'c1507#1',
      'c2007#1',
      'c2007#2',
    ]);
    // Two rare words: their cards in common.
    expect(await ids('1007 rarity')).toEqual(['c1007#1']);
    expect(await ids('rarity 1008')).toEqual([]);
    // Two common words: every card has both.
    expect(await ids('word comm')).toHaveLength(2_100 + 700);

    const found = await browseKeys(db, { q: 'rarity' }, T0, { rows: 2 });
    expect(found.rows?.map((r) => r.key)).toEqual(found.keys.slice(0, 2));
    expect(found.rows?.map((r) => r.question)).toEqual(['common word 7 rarity', 'common word 507 rarity']);
  });
});
