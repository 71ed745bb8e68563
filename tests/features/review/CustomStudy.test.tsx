import { configure, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { listTags, readCustomStudyItems } from '../../../src/db/customStudy';
import type { CardinalDb } from '../../../src/db/database';
import { syncDeck } from '../../../src/db/deckInstall';
import { loadReviewScope, type ReviewScope } from '../../../src/db/reviewScreen';
import { type CustomStudy, parseItemKey } from '../../../src/domain/customStudy';
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

const DECK = 'test-deck';

/** Cards a–e: a, b in section alpha; c, d in beta (d tagged "ports"); e in alpha, tagged "ports". */
async function deckDb(): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(
    db,
    makeDeck({
      cards: [
        basic('a'),
        basic('b'),
        basic('c', { section: 'beta' }),
        basic('d', { section: 'beta', tags: ['ports'] }),
        basic('e', { tags: ['ports'] }),
      ],
    }),
    Date.now(),
    { shipped: false },
  );
  await db.settings.put({ key: schedulerSettingsKey(DECK), value: { ...SETTINGS, newPerDay: 0 } });
  return db;
}

/** The session's item ids over one deck (or all decks), as a session starting now would take them. */
async function sessionItems(
  db: CardinalDb,
  custom: CustomStudy,
  now: number,
  section: string | null = null,
  scope = DECK,
): Promise<string[]> {
  const reviewScope = (await loadReviewScope(db, scope, section)) as ReviewScope;
  return (await readCustomStudyItems(db, reviewScope, custom, now)).map((key) =>
    scope === DECK ? parseItemKey(key).itemId : key,
  );
}

async function makeReview(db: CardinalDb, itemId: string, due: number) {
  const item = (await db.cardStates.get([DECK, itemId])) as CardStateRecord;
  makeDueReview(item, due, DAY);
  // Last reviewed a day ago (an early review of a card due later).
  item.fsrs = { ...item.fsrs, last_review: Date.now() - DAY };
  await db.cardStates.put(item);
}

function againLog(itemId: string, review: number, rating: ReviewLogRecord['rating'] = 1): ReviewLogRecord {
  return {
    deckId: DECK,
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

describe('Custom study', { timeout: 60_000 }, () => {
  it('review ahead: cards due in the next n days, answers written as reviews', async () => {
    const db = await deckDb();
    const now = Date.now();
    await makeReview(db, 'a#1', now + 2 * DAY);
    await makeReview(db, 'b#1', now + 10 * DAY);
    expect(await sessionItems(db, { mode: 'ahead', days: 3 }, now)).toEqual(['a#1']);

    const { user } = renderRoute(db, `/review/${DECK}?ahead=3`);
    expect(await screen.findByText('Front of a')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Answers count as reviews');
    await user.keyboard(' ');
    await user.keyboard('3');
    expect(await screen.findByRole('heading', { name: 'Custom study session finished' })).toBeInTheDocument();
    const a = (await db.cardStates.get([DECK, 'a#1'])) as CardStateRecord;
    expect(a.fsrs.reps).toBe(4);
    expect(a.due).toBeGreaterThan(now + 2 * DAY);
    expect(await db.reviewLogs.where('[deckId+itemId]').equals([DECK, 'a#1']).count()).toBe(1);

    // Undo takes the answer back and shows the card again, as it was.
    await user.keyboard('u');
    expect(await screen.findByText('Front of a')).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(0);
    expect(((await db.cardStates.get([DECK, 'a#1'])) as CardStateRecord).fsrs.reps).toBe(3);
  });

  it('forgotten cards: items answered Again in the last n days, once each', async () => {
    const db = await deckDb();
    const now = Date.now();
    for (const id of ['a#1', 'b#1', 'c#1']) await makeReview(db, id, now + 5 * DAY);
    await db.reviewLogs.bulkAdd([
      againLog('a#1', now - DAY / 2),
      againLog('a#1', now - DAY / 3),
      againLog('b#1', now - 5 * DAY), // outside the window
      againLog('c#1', now - DAY / 4, 3), // Good, not forgotten
    ]);
    expect(await sessionItems(db, { mode: 'forgotten', days: 2 }, now)).toEqual(['a#1']);

    const { user } = renderRoute(db, `/review/${DECK}?forgotten=2`);
    expect(await screen.findByText('Front of a')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('(1 card, 1 left)');
    expect(screen.queryByRole('status', { name: /^Remaining today/ })).not.toBeInTheDocument();
    await user.keyboard(' ');
    await user.keyboard('3');
    expect(await screen.findByRole('heading', { name: 'Custom study session finished' })).toBeInTheDocument();
    expect(await db.reviewLogs.where('[deckId+itemId]').equals([DECK, 'a#1']).count()).toBe(3);
  });

  it('cram a section: its items (with sub-sections), answers not written; Again shows the card again', async () => {
    const db = await deckDb();
    const now = Date.now();
    await makeReview(db, 'c#1', now + 30 * DAY);
    const before = await db.cardStates.toArray();
    expect(await sessionItems(db, { mode: 'cram', section: 'beta' }, now, 'beta')).toEqual(['c#1', 'd#1']);

    const { user } = renderRoute(db, `/review/${DECK}?cram=section:beta`);
    expect(await screen.findByText('Front of c')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Answers are not saved');
    await user.keyboard(' ');
    await user.keyboard('1'); // Again: c comes back at the end
    expect(await screen.findByText('Front of d')).toBeInTheDocument();
    await user.keyboard(' ');
    await user.keyboard('3');
    expect(await screen.findByText('Front of c')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Show answer/ }));
    const good = await screen.findByRole('button', { name: /Good/ });
    expect(good).toHaveAccessibleName('Good'); // no interval: nothing is scheduled
    await user.click(good);
    expect(await screen.findByRole('heading', { name: 'Custom study session finished' })).toBeInTheDocument();
    expect(await db.cardStates.toArray()).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(0);
  });

  it('cram a tag: the deck’s items with that tag (from the tags index), nothing written', async () => {
    const db = await deckDb();
    const now = Date.now();
    expect(await sessionItems(db, { mode: 'cram', tag: 'ports' }, now)).toEqual(['d#1', 'e#1']);
    const before = await db.cardStates.toArray();
    const { user } = renderRoute(db, `/review/${DECK}?cram=tag:ports`);
    expect(await screen.findByText('Front of d')).toBeInTheDocument();
    await user.keyboard(' ');
    await user.keyboard('4');
    expect(await screen.findByText('Front of e')).toBeInTheDocument();
    expect(await db.cardStates.toArray()).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(screen.getByRole('button', { name: /Undo/ })).toBeDisabled(); // nothing stored, nothing to undo
    expect(await listTags(db)).toEqual(['ports']);
  });

  it('preview: the next n new items in deck order, shown and answered without scheduling', async () => {
    const db = await deckDb();
    const before = await db.cardStates.toArray();
    expect(await sessionItems(db, { mode: 'preview', count: 2 }, Date.now())).toEqual(['a#1', 'b#1']);
    const { user } = renderRoute(db, `/review/${DECK}?preview=2`);
    expect(await screen.findByText('Front of a')).toBeInTheDocument();
    await user.keyboard(' ');
    expect(await screen.findByText('Back of a')).toBeInTheDocument();
    await user.keyboard('3');
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    await user.keyboard(' ');
    await user.keyboard('3');
    expect(await screen.findByRole('heading', { name: 'Custom study session finished' })).toBeInTheDocument();
    expect(await db.cardStates.toArray()).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(0);
  });

  it('the Done screen offers the choices; a choice starts its session', async () => {
    const db = await deckDb();
    await makeReview(db, 'b#1', Date.now() + 2 * DAY);
    const { user } = renderRoute(db, `/review/${DECK}`);
    expect(await screen.findByRole('heading', { name: 'Done for today' })).toBeInTheDocument();
    const group = screen.getByRole('region', { name: 'Custom study' });
    const days = within(group).getByRole('spinbutton', { name: 'Days ahead' });
    await user.tripleClick(days);
    await user.keyboard('5');
    await user.click(within(group).getByRole('button', { name: 'Review ahead' }));
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('cards due in the next 5 days');
  });

  it('the deck on the home page links to its custom study choices', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/');
    await user.click(await screen.findByRole('link', { name: 'Custom study: Test deck' }));
    expect(await screen.findByRole('heading', { name: 'Custom study: Test deck' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview new cards' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cram section' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Study section (counts as reviews)' })).toHaveAttribute(
      'href',
      '/review/test-deck?section=alpha',
    );
  });
});
