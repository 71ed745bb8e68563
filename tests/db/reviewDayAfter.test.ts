import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { dayAfterAnswer, readCardsAhead, withNextCard } from '../../src/db/reviewDayAfter';
import { recordAnswer } from '../../src/db/reviewRepo';
import { ALL_DECKS, loadReviewDay, loadReviewScope, type ReviewDay } from '../../src/db/reviewScreen';
import { saveSchedulerSettings } from '../../src/db/schedulerSettingsRepo';
import { answerItem } from '../../src/domain/answer';
import type { Grade4 } from '../../src/domain/scheduler';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { makeDueReview, SETTINGS } from '../helpers/items';

/** Two decks: new cards (some two-way, so siblings wait), due reviews, limits small enough to bind. */
async function decks(): Promise<CardinalDb> {
  const db = await freshDb();
  for (const id of ['alpha', 'beta']) {
    const cards = Array.from({ length: 8 }, (_, i) => basic(`${id[0]}${i}`, { reversed: i % 3 === 0 }));
    await syncDeck(db, makeDeck({ id, title: id, cards }), T0, { shipped: true });
    await saveSchedulerSettings(db, id, { ...SETTINGS, newPerDay: 4, reviewsPerDay: 3 });
  }
  const items = await db.cardStates.toArray();
  const reviews = items.filter((_, i) => i % 3 === 1);
  reviews.forEach((item, i) => {
    makeDueReview(item, T0 - (i + 1) * DAY, DAY);
  });
  await db.cardStates.bulkPut(reviews);
  return db;
}

/** What the screen shows of a day, to compare the day computed ahead with the day read. */
const shown = (day: ReviewDay) => ({
  current: day.queue.current,
  counts: day.queue.counts,
  nextLearningDue: day.queue.nextLearningDue,
  card: day.card?.card,
  undoable: day.undoable && { ...day.undoable, id: undefined },
  nextDue: day.nextDue,
});

describe('the day after an answer, computed in memory', () => {
  it('is the day a read finds once the answer is stored, answer after answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(ALL_DECKS, 'alpha'),
        // Often no time between answers: learning steps then fall due at the same moment, and ties must be
        // broken as the index breaks them (by item id).
        fc.array(fc.tuple(fc.constantFrom<Grade4>(1, 2, 3, 4), fc.constantFrom(0, 0, 0, 1, 10, 15)), {
          minLength: 1,
          maxLength: 14,
        }),
        async (scopeId, answers) => {
          const db = await decks();
          const scope = await loadReviewScope(db, scopeId);
          if (!scope) throw new Error('no scope');
          let now = T0;
          let day = await loadReviewDay(db, scope, now);
          let computed = 0;
          for (const [rating, minutes] of answers) {
            const item = day.queue.current;
            if (!item) break;
            now += minutes * MINUTE;
            const settings = scope.settings[item.deckId] ?? SETTINGS;
            const input = { rating, now, durationMs: 1000, source: 'review' as const };
            const ahead = dayAfterAnswer({ ...scope, ...day }, answerItem(item, input, settings), now);
            await recordAnswer(db, item.deckId, item.itemId, input, settings);
            const read = await loadReviewDay(db, scope, now);
            if (ahead) {
              computed += 1;
              expect(shown(ahead)).toEqual(shown(read));
            }
            day = read;
          }
          // The read-ahead covers the common case: only an item staying due today outside learning needs a read.
          expect(computed).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves the card out when it was not read ahead, and reads it alone', async () => {
    const db = await decks();
    const scope = await loadReviewScope(db, 'alpha');
    if (!scope) throw new Error('no scope');
    const day = await loadReviewDay(db, scope, T0);
    const item = day.queue.current;
    if (!item || !day.ahead) throw new Error('nothing due');
    const input = { rating: 4 as const, now: T0, durationMs: 1000, source: 'review' as const };
    const bare = { ...day, ahead: { ...day.ahead, cards: new Map() } };
    const ahead = dayAfterAnswer({ ...scope, ...bare }, answerItem(item, input, SETTINGS), T0);
    if (!ahead) throw new Error('not computed');
    expect(ahead.queue.current?.cardId).toBe('a5');
    expect(ahead.card).toBeUndefined();
    const read = await withNextCard(db, ahead);
    expect(read?.card?.card).toMatchObject({ id: 'a5', front: 'Front of a5' });
    expect(read?.ahead?.cards.has('alpha/a5')).toBe(true);
  });

  it('reads the cards of the items coming up into the day, for the answers after it', async () => {
    const db = await decks();
    const scope = await loadReviewScope(db, 'alpha');
    if (!scope) throw new Error('no scope');
    const day = await loadReviewDay(db, scope, T0);
    if (!day.ahead) throw new Error('no read-ahead');
    const empty = { ...day, ahead: { ...day.ahead, cards: new Map() } };
    await readCardsAhead(db, empty);
    expect([...empty.ahead.cards.keys()].sort()).toEqual([...day.ahead.cards.keys()].sort());
  });

  it('says null once a new study day has started since the day was read', async () => {
    const db = await decks();
    const scope = await loadReviewScope(db, 'alpha');
    if (!scope) throw new Error('no scope');
    const day = await loadReviewDay(db, scope, T0);
    const item = day.queue.current;
    if (!item) throw new Error('nothing due');
    const at = T0 + DAY;
    const input = { rating: 3 as const, now: at, durationMs: 1000, source: 'review' as const };
    expect(dayAfterAnswer({ ...scope, ...day }, answerItem(item, input, SETTINGS), at)).toBeNull();
  });
});
