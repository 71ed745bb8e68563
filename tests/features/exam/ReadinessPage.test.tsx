/** Readiness: what to study before any study, and exam dates that cannot be in the past. */
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
import { EXAM_CARDS, EXAM_SECTIONS } from '../../domain/exam/examDeck';
import { freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

async function unstudiedDeck(newPerDay = 20) {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS }), T0, { shipped: true });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: { ...SETTINGS, newPerDay } });
  return db;
}

const local = (date: string) => new Date(`${date}T12:00:00`).toLocaleDateString();

// T0 is Monday 2026-03-02, 10:00.
beforeEach(() => setNowForTests(T0));

describe('Readiness before any study', () => {
  it('says what to study to reach 80 % instead of a table of zeros', async () => {
    const db = await unstudiedDeck(2);
    const items = await db.cardStates.where('deckId').equals('test-deck').count();
    const needed = Math.ceil((0.8 * items) / 0.9);
    const days = Math.ceil(needed / 2);
    const { user } = renderRoute(db, '/decks/test-deck/readiness');
    const date = await screen.findByLabelText('Exam date');
    await user.clear(date);
    await user.type(date, '2026-03-05'); // three study days before the exam
    const plan = screen.getByRole('note', { name: 'What to study' });
    const reached = new Date(2026, 2, 2 + days - 1, 12).toLocaleDateString();
    expect(plan).toHaveTextContent(`Study 2 new cards a day to reach 80 % by ${reached}.`);
    expect(plan).toHaveTextContent(
      `To get there by your exam on ${local('2026-03-05')}, study ${Math.ceil(needed / 3)} new cards a day`,
    );
    expect(plan).toHaveTextContent(`${needed} more cards to study, out of ${items}.`);
    expect(screen.getByRole('link', { name: 'Study now' })).toHaveAttribute('href', '/review/test-deck');
    expect(screen.queryByRole('table', { name: 'Predicted recall by section' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Predicted score/)).not.toBeInTheDocument();
  });

  it('says the plan is in time when the daily limit is enough', async () => {
    const db = await unstudiedDeck(20);
    const { user } = renderRoute(db, '/decks/test-deck/readiness');
    const date = await screen.findByLabelText('Exam date');
    await user.clear(date);
    await user.type(date, '2026-04-20');
    expect(screen.getByRole('note', { name: 'What to study' })).toHaveTextContent(
      `That is in time for your exam on ${local('2026-04-20')}.`,
    );
  });
});

describe('Exam date', () => {
  it('refuses a date before today, and does not remember it', async () => {
    const db = await unstudiedDeck();
    const { user } = renderRoute(db, '/decks/test-deck/readiness');
    const date = await screen.findByLabelText('Exam date');
    await user.clear(date);
    await user.type(date, '2026-03-01');
    expect(screen.getByRole('alert')).toHaveTextContent(
      `The exam date must be today or later: ${local('2026-03-01')} has passed.`,
    );
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('note', { name: 'What to study' })).not.toBeInTheDocument();
    expect(await db.settings.get('exam:date:test-deck')).toBeUndefined();
  });

  it('accepts today', async () => {
    const db = await unstudiedDeck();
    const { user } = renderRoute(db, '/decks/test-deck/readiness');
    const date = await screen.findByLabelText('Exam date');
    await user.clear(date);
    await user.type(date, '2026-03-02');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await vi.waitFor(async () =>
      expect((await db.settings.get('exam:date:test-deck'))?.value).toBe('2026-03-02'),
    );
  });
});
