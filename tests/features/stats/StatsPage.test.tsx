import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { recordAnswer } from '../../../src/db/reviewRepo';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
import { DAY, freshDb, MINUTE, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

async function studiedDb() {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ source: { title: 'Guide', file: 'guide/test.txt' } }), T0 - 3 * DAY, {
    shipped: false,
  });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  // Yesterday: one answer. Today: three (one Again), 10 s each.
  await recordAnswer(
    db,
    'test-deck',
    'a.one#1',
    { rating: 3, now: T0 - DAY, durationMs: 10_000, source: 'review' },
    SETTINGS,
  );
  await recordAnswer(
    db,
    'test-deck',
    'a.two#1',
    { rating: 1, now: T0, durationMs: 10_000, source: 'review' },
    SETTINGS,
  );
  await recordAnswer(
    db,
    'test-deck',
    'a.two#2',
    { rating: 3, now: T0 + MINUTE, durationMs: 10_000, source: 'review' },
    SETTINGS,
  );
  await recordAnswer(
    db,
    'test-deck',
    'b.tf#1',
    { rating: 3, now: T0 + 2 * MINUTE, durationMs: 10_000, source: 'review' },
    SETTINGS,
  );
  return db;
}

beforeEach(() => setNowForTests(T0 + 3 * MINUTE));

// fake-indexeddb counts the calendar's 371 days one by one: slow on a busy machine.
const slow = { timeout: 15_000 };

describe('Statistics page', { timeout: 30_000 }, () => {
  it("shows today's answers, the streak, the calendar cell and every chart's table", async () => {
    const db = await studiedDb();
    renderRoute(db, '/stats?deck=test-deck&period=30');
    expect(await screen.findByRole('heading', { name: 'Statistics: Test deck' }, slow)).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'True retention' }, slow);
    const today = within(screen.getByRole('region', { name: 'Today' }));
    const value = (term: string) => today.getByText(term).nextElementSibling?.textContent;
    expect(value('Answers')).toBe('3');
    expect(value('Time')).toBe('30 s');
    expect(value('Again')).toBe('33.3 %');
    expect(value('New cards')).toBe('3');
    expect(value('Streak')).toBe('2 days');
    const cell = document.querySelector('.heatmap [data-day].today');
    expect(cell?.getAttribute('data-count')).toBe('3');
    expect(screen.getByText(/4 answers on 2 study days in the last 12 months/)).toBeInTheDocument();
    for (const caption of ['Cards due per day', 'Review items by state', 'Answer button counts']) {
      expect(screen.getByRole('table', { name: caption })).toBeInTheDocument();
    }
    const states = within(screen.getByRole('table', { name: 'Review items by state' }));
    expect(states.getByRole('row', { name: /^Learning/ })).toHaveTextContent('Learning4'); // every answered item is still in its learning steps;
  });

  it('links each guide section to its cards in Browse', async () => {
    const db = await studiedDb();
    renderRoute(db, '/stats?deck=test-deck');
    const link = await screen.findByRole('link', { name: 'Beta: browse its cards' }, slow);
    expect(link).toHaveAttribute('href', '/browse?deck=test-deck&section=beta');
  });

  it('counts the longest streak over the last 12 months, or over all history when the period is all of it', async () => {
    const db = await studiedDb();
    for (const [i, itemId] of ['a.cloze#1', 'a.cloze#2', 'b.mcq#1'].entries())
      await recordAnswer(
        db,
        'test-deck',
        itemId,
        { rating: 3, now: T0 - (400 - i) * DAY, durationMs: 1000, source: 'review' },
        SETTINGS,
      );
    const year = renderRoute(db, '/stats?deck=test-deck&period=30');
    await screen.findByRole('heading', { name: 'True retention' }, slow);
    expect(screen.getByText('Longest streak (12 months)').nextElementSibling).toHaveTextContent('2 days');
    year.unmount();
    renderRoute(db, '/stats?deck=test-deck&period=all');
    await screen.findByRole('heading', { name: 'True retention' }, slow);
    expect(screen.getByText('Longest streak').nextElementSibling).toHaveTextContent('3 days');
    expect(screen.getByText('Streak').nextElementSibling).toHaveTextContent('2 days');
  });

  it('says so when there is nothing yet', async () => {
    const db = await freshDb();
    renderRoute(db, '/stats');
    await screen.findByRole('heading', { name: 'True retention' }, slow);
    expect(screen.getByText('No answers in this period.')).toBeInTheDocument();
  });
});
