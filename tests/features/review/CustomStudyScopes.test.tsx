import { configure, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCustomStudyItems } from '../../../src/db/customStudy';
import type { CardinalDb } from '../../../src/db/database';
import { syncDeck } from '../../../src/db/deckInstall';
import { ALL_DECKS, loadReviewScope, type ReviewScope } from '../../../src/db/reviewScreen';
import type { CustomStudy } from '../../../src/domain/customStudy';
import type { CardStateRecord, ReviewLogRecord } from '../../../src/domain/records';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { resetCustomSession } from '../../../src/stores/customSession';
import { resetReviewSession } from '../../../src/stores/reviewSession';
import { basic, DAY, freshDb, makeDeck } from '../../helpers/builders';
import { makeDueReview, SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

configure({ asyncUtilTimeout: 10_000 });
beforeEach(() => {
  resetReviewSession();
  resetCustomSession();
});

/**
 * Deck "one": a, b (tagged "ports"), c, and r (reversed: r#1, r#2). Deck "two": x (tagged "ports"), y.
 * No new cards a day, so today's queue holds only what a test makes due.
 */
async function twoDecks(): Promise<CardinalDb> {
  const db = await freshDb();
  const now = Date.now();
  await syncDeck(
    db,
    makeDeck({
      id: 'one',
      title: 'Deck one',
      cards: [basic('a'), basic('b', { tags: ['ports'] }), basic('c'), basic('r', { reversed: true })],
    }),
    now,
    { shipped: false },
  );
  await syncDeck(
    db,
    makeDeck({
      id: 'two',
      title: 'Deck two',
      cards: [basic('x', { tags: ['ports'] }), basic('y')],
    }),
    now,
    { shipped: false },
  );
  await db.settings.bulkPut([
    { key: schedulerSettingsKey('one'), value: { ...SETTINGS, newPerDay: 0 } },
    // Deck two caps intervals at 2 days: its answers must be scheduled by its own settings.
    { key: schedulerSettingsKey('two'), value: { ...SETTINGS, newPerDay: 0, maximumIntervalDays: 2 } },
  ]);
  return db;
}

async function makeReview(db: CardinalDb, deckId: string, itemId: string, due: number) {
  const item = (await db.cardStates.get([deckId, itemId])) as CardStateRecord;
  makeDueReview(item, due, DAY);
  item.fsrs = { ...item.fsrs, last_review: Date.now() - DAY };
  await db.cardStates.put(item);
}

function log(
  deckId: string,
  itemId: string,
  review: number,
  rating: ReviewLogRecord['rating'],
): ReviewLogRecord {
  return {
    deckId,
    itemId,
    cardId: itemId.split('#')[0] as string,
    rating,
    state: 2,
    due: review,
    stability: 10,
    difficulty: 5,
    elapsed_days: 1,
    last_elapsed_days: 1,
    scheduled_days: 1,
    learning_steps: 0,
    review,
    durationMs: 1000,
    source: 'review',
    before: {
      fsrs: {
        due: review,
        stability: 10,
        difficulty: 5,
        elapsed_days: 1,
        scheduled_days: 1,
        learning_steps: 0,
        reps: 3,
        lapses: 0,
        state: 2,
        last_review: review - DAY,
      },
      suspended: false,
      leech: false,
    },
  };
}

async function sessionKeys(db: CardinalDb, scope: string, custom: CustomStudy): Promise<string[]> {
  const reviewScope = (await loadReviewScope(db, scope)) as ReviewScope;
  return readCustomStudyItems(db, reviewScope, custom, Date.now());
}

async function answerGood(user: ReturnType<typeof renderRoute>['user'], front: string) {
  expect(await screen.findByText(front)).toBeInTheDocument();
  await user.keyboard(' ');
  await screen.findByRole('button', { name: /^Good/ });
  await user.keyboard('3');
}

describe('Custom study scopes', { timeout: 60_000 }, () => {
  it('a tag session counts as reviews: today’s due cards with the tag, answers stored, undo works', async () => {
    const db = await twoDecks();
    const now = Date.now();
    for (const id of ['a#1', 'b#1']) await makeReview(db, 'one', id, now - DAY);
    const { user } = renderRoute(db, '/review/one?tag=ports');
    await answerGood(user, 'Front of b');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Review: Deck one › tag ports');
    expect(await screen.findByRole('heading', { name: 'Done for today' })).toBeInTheDocument();
    const b = (await db.cardStates.get(['one', 'b#1'])) as CardStateRecord;
    expect(b.fsrs.reps).toBe(4);
    expect(b.due).toBeGreaterThan(now);
    expect(await db.reviewLogs.count()).toBe(1);
    // a (untagged, due) is left for the deck's own queue.
    expect(((await db.cardStates.get(['one', 'a#1'])) as CardStateRecord).fsrs.reps).toBe(3);

    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(0);
    expect(((await db.cardStates.get(['one', 'b#1'])) as CardStateRecord).fsrs.reps).toBe(3);
  });

  it('a tag no card of the deck has says so', async () => {
    const db = await twoDecks();
    renderRoute(db, '/review/two?tag=nowhere');
    expect(await screen.findByRole('heading', { name: 'Done for today' })).toBeInTheDocument();
    expect(screen.getByText('No card of this deck has the tag “nowhere”.')).toBeInTheDocument();
  });

  it('custom study offers “Study tag (counts as reviews)” beside the cram', async () => {
    const db = await twoDecks();
    await makeReview(db, 'one', 'b#1', Date.now() - DAY);
    const { user } = renderRoute(db, '/custom-study/one');
    const tag = await screen.findByRole('combobox', { name: 'Tag' });
    const study = screen.getByRole('button', { name: 'Study tag (counts as reviews)' });
    expect(study).toBeDisabled();
    await user.type(tag, 'ports');
    await user.click(study);
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument(); // not a cram: no "answers are not saved"
  });

  it('review ahead over all decks: both decks’ cards, each answer in its own deck under its own settings', async () => {
    const db = await twoDecks();
    const now = Date.now();
    await makeReview(db, 'one', 'a#1', now + 3 * DAY);
    await makeReview(db, 'two', 'x#1', now + 2 * DAY);
    await makeReview(db, 'two', 'y#1', now + 20 * DAY); // outside the window
    expect(await sessionKeys(db, ALL_DECKS, { mode: 'ahead', days: 5 })).toEqual(['two/x#1', 'one/a#1']);

    const { user } = renderRoute(db, '/review/all?ahead=5');
    expect(await screen.findByRole('heading', { name: /Review: All decks/ })).toBeInTheDocument();
    await answerGood(user, 'Front of x');
    await answerGood(user, 'Front of a');
    expect(await screen.findByRole('heading', { name: 'Custom study session finished' })).toBeInTheDocument();
    const [x, a] = await Promise.all([db.cardStates.get(['two', 'x#1']), db.cardStates.get(['one', 'a#1'])]);
    expect(x?.fsrs.reps).toBe(4);
    expect(x?.fsrs.scheduled_days).toBeLessThanOrEqual(2); // deck two's maximum interval
    expect(a?.fsrs.scheduled_days).toBeGreaterThan(2);
    const logs = await db.reviewLogs.toArray();
    expect(logs.map((l) => `${l.deckId}/${l.itemId}`).sort()).toEqual(['one/a#1', 'two/x#1']);
    // The finished all-decks session offers custom study over every deck (no section: sections are per deck).
    const group = screen.getByRole('region', { name: 'Custom study' });
    expect(within(group).queryByRole('button', { name: 'Cram section' })).not.toBeInTheDocument();
    expect(within(group).getByRole('button', { name: 'Review ahead' })).toBeInTheDocument();
  });

  it('forgotten, cram tag and preview over all decks', async () => {
    const db = await twoDecks();
    const now = Date.now();
    for (const [deck, id] of [
      ['one', 'a#1'],
      ['two', 'y#1'],
    ] as const)
      await makeReview(db, deck, id, now + 5 * DAY);
    await db.reviewLogs.bulkAdd([log('one', 'a#1', now - DAY / 2, 1), log('two', 'y#1', now - DAY / 3, 1)]);
    expect(await sessionKeys(db, ALL_DECKS, { mode: 'forgotten', days: 1 })).toEqual(['two/y#1', 'one/a#1']);
    expect(await sessionKeys(db, ALL_DECKS, { mode: 'cram', tag: 'ports' })).toEqual(['one/b#1', 'two/x#1']);
    expect(await sessionKeys(db, 'two', { mode: 'cram', tag: 'ports' })).toEqual(['two/x#1']);
    expect(await sessionKeys(db, ALL_DECKS, { mode: 'preview', count: 5 })).toEqual([
      'one/b#1',
      'one/c#1',
      'one/r#1',
      'one/r#2',
      'two/x#1',
    ]);
  });

  it('the home page leads to custom study over every deck; a preview takes deck after deck', async () => {
    const db = await twoDecks();
    const { user } = renderRoute(db, '/');
    await user.click(await screen.findByRole('link', { name: 'Custom study: all decks' }));
    expect(await screen.findByRole('heading', { name: 'Custom study: All decks' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Preview new cards' }));
    expect(await screen.findByText('Front of a')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Preview of 10 new cards (7 cards, 7 left)');
  });

  it('sibling rule: review ahead and forgotten never show two items of one card in a study day', async () => {
    const db = await twoDecks();
    const now = Date.now();
    await makeReview(db, 'one', 'r#1', now + DAY);
    await makeReview(db, 'one', 'r#2', now + 2 * DAY);
    // Both sides are due within the window: the first one only.
    expect(await sessionKeys(db, 'one', { mode: 'ahead', days: 3 })).toEqual(['one/r#1']);
    // r#1 answered today: r#2 waits until tomorrow; r#1 itself may come again.
    await db.reviewLogs.add(log('one', 'r#1', now - 60_000, 3));
    expect(await sessionKeys(db, 'one', { mode: 'ahead', days: 3 })).toEqual(['one/r#1']);
    await db.reviewLogs.bulkAdd([log('one', 'r#2', now - DAY / 2, 1), log('one', 'c#1', now - DAY / 2, 1)]);
    await makeReview(db, 'one', 'c#1', now + 5 * DAY);
    expect(await sessionKeys(db, 'one', { mode: 'forgotten', days: 1 })).toEqual(['one/c#1']);
  });
});
