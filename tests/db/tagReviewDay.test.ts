/** A tag review reads the tagged cards' items by card; it must give what a filtered walk of the queue indexes gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/db/deckInstall';
import { readCardsToday, readDeckToday } from '../../src/db/reviewDay';
import { recordAnswer } from '../../src/db/reviewRepo';
import { loadReviewScope } from '../../src/db/reviewScreen';
import type { CardStateRecord } from '../../src/domain/records';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { makeDueReview, SETTINGS } from '../helpers/items';

const CARDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('readCardsToday (tag review of a deck)', () => {
  it('gives the same candidates and next due time as the filtered index walk', {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        // Per item: 0 new, 1 review due today, 2 review due later, 3 answered today (learning or review), 4 buried.
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 16, maxLength: 16 }),
        fc.subarray(CARDS),
        fc.integer({ min: 0, max: 4 }),
        async (kinds, tagged, newPerDay) => {
          const db = await freshDb();
          await syncDeck(
            db,
            makeDeck({ cards: CARDS.map((id) => basic(id, { reversed: true })) }),
            T0 - 10 * DAY,
            { shipped: false },
          );
          const settings = { ...SETTINGS, newPerDay, reviewsPerDay: 5 };
          const items = await db.cardStates.toArray();
          for (const [i, item] of items.entries()) {
            const kind = kinds[i] ?? 0;
            if (kind === 1 || kind === 2 || kind === 4) {
              makeDueReview(item, kind === 2 ? T0 + (i + 2) * DAY : T0 - i * MINUTE, DAY);
              if (kind === 4) item.buriedUntil = T0 + DAY;
              await db.cardStates.put(item as CardStateRecord);
            }
            if (kind === 3)
              await recordAnswer(
                db,
                item.deckId,
                item.itemId,
                { rating: 3, now: T0 - i * MINUTE, durationMs: 1000, source: 'review' },
                settings,
              );
          }
          const keep = new Set(tagged);
          const byCard = await readCardsToday(db, 'test-deck', tagged, T0, settings);
          const walked = await readDeckToday(db, 'test-deck', T0, settings, undefined, (item) =>
            keep.has(item.cardId),
          );
          const ids = (d: typeof byCard) => ({
            learning: d.candidates.learning.map((i) => i.itemId),
            reviews: d.candidates.reviews.map((i) => i.itemId),
            fresh: d.candidates.fresh.map((i) => i.itemId),
            nextDue: d.nextDue,
          });
          expect(ids(byCard)).toEqual(ids(walked));
          db.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a tag review scope lists each deck’s tagged cards', async () => {
    const db = await freshDb();
    await syncDeck(
      db,
      makeDeck({ cards: [basic('a', { tags: ['t'] }), basic('b'), basic('c', { tags: ['t', 'u'] })] }),
      T0,
      { shipped: false },
    );
    const scope = await loadReviewScope(db, 'test-deck', null, 't');
    expect(scope?.tag?.count).toBe(2);
    expect(scope?.tag?.cards.get('test-deck')).toEqual(['a', 'c']);
    expect(scope?.tag?.truncated).toBe(false);
    // A tag on more cards than a session covers: the first ones, and the scope says there are more.
    const capped = await loadReviewScope(db, 'test-deck', null, 't', 1);
    expect(capped?.tag).toMatchObject({ count: 1, truncated: true });
    expect(capped?.tag?.cards.get('test-deck')).toEqual(['a']);
    expect((await loadReviewScope(db, 'test-deck', null, 't', 2))?.tag?.truncated).toBe(false);
  });
});
