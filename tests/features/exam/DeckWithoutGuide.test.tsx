/** A deck you create yourself (no source guide, one section): exams and readiness work from its own cards and tags. */
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addCard } from '../../../src/db/cardEdits';
import type { CardinalDb } from '../../../src/db/database';
import { createDeck } from '../../../src/db/deckEdits';
import { recordAnswer } from '../../../src/db/reviewRepo';
import type { Card } from '../../../src/domain/deck/schema';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
import { resetExamSession } from '../../../src/stores/examSession';
import { basic, freshDb, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

const tf = (n: number, tags: string[]): Card => ({
  id: `tf${n}`,
  section: 'general',
  kind: 'truefalse',
  statement: `Statement number ${n} is true.`,
  answer: true,
  explanation: `Number ${n}.`,
  tags,
});

/** "My deck": four true/false cards (tagged net or storage) and one basic card. */
async function myDeck(): Promise<{ db: CardinalDb; deckId: string }> {
  const db = await freshDb();
  const deckId = await createDeck(db, { title: 'My deck', description: '' }, T0);
  for (const card of [tf(1, ['net']), tf(2, ['net']), tf(3, ['storage']), tf(4, ['net', 'storage'])])
    await addCard(db, deckId, card, T0);
  await addCard(db, deckId, basic('b', { section: 'general' }), T0);
  await db.settings.put({ key: schedulerSettingsKey(deckId), value: SETTINGS });
  return { db, deckId };
}

beforeEach(() => {
  resetExamSession();
  setNowForTests(T0);
});

describe('A deck without a guide', { timeout: 30_000 }, () => {
  it('sits a practice exam: deck order, its tags to choose from, no empty section picker', async () => {
    const { db, deckId } = await myDeck();
    const { user } = renderRoute(db, `/decks/${deckId}/exam`);
    const order = await screen.findByLabelText('Question order');
    expect(within(order).getByRole('option', { name: 'Deck order' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Sections' })).not.toBeInTheDocument();
    expect(screen.getByText(/^Tags:/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Number of questions'));
    await user.type(screen.getByLabelText('Number of questions'), '4');
    expect(screen.getByText(/^4 of 4 questions/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start exam' }));
    for (let i = 0; i < 4; i++) {
      expect(await screen.findByText(`Question ${i + 1} / 4`)).toBeInTheDocument();
      await user.keyboard('1{ArrowRight}'); // True
    }
    await user.keyboard('r');
    await user.keyboard('s');
    expect(await screen.findByRole('heading', { name: /^Exam results/ })).toBeInTheDocument();
    expect(screen.getAllByText('✓ Correct')).toHaveLength(4);
    const exams = await db.exams.toArray();
    expect(exams[0]?.result?.percent).toBe(100);
  });

  it('says plainly why there is no exam when the deck has no card an exam can ask', async () => {
    const db = await freshDb();
    const deckId = await createDeck(db, { title: 'Words', description: '' }, T0);
    await addCard(db, deckId, basic('w', { section: 'general' }), T0);
    renderRoute(db, `/decks/${deckId}/exam`);
    expect(await screen.findByText(/This deck has no exam questions yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a multiple-choice or true/false card' })).toHaveAttribute(
      'href',
      `/cards/new?deck=${deckId}`,
    );
  });

  it('readiness is broken down by the deck’s own tags', async () => {
    const { db, deckId } = await myDeck();
    const first = await db.cardStates
      .where('deckId')
      .equals(deckId)
      .filter((s) => s.cardId.includes('number-1'))
      .first();
    await recordAnswer(
      db,
      deckId,
      first?.itemId as string,
      { rating: 3, now: T0, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
    const { user } = renderRoute(db, `/decks/${deckId}/readiness`);
    const date = await screen.findByLabelText('Exam date');
    await user.clear(date);
    await user.type(date, '2026-03-05');
    const table = await screen.findByRole('table', { name: 'Predicted recall by tag' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['net', 'storage']);
    expect(rows[0]).toHaveTextContent('1 / 3');
    expect(rows[1]).toHaveTextContent('0 / 2');
    expect(screen.queryByRole('table', { name: 'Predicted recall by section' })).not.toBeInTheDocument();
  });

  it('a deck with neither sections nor tags says its readiness is one figure', async () => {
    const db = await freshDb();
    const deckId = await createDeck(db, { title: 'Plain', description: '' }, T0);
    await addCard(db, deckId, basic('p', { section: 'general' }), T0);
    await recordAnswer(
      db,
      deckId,
      (await db.cardStates.where('deckId').equals(deckId).first())?.itemId as string,
      { rating: 3, now: T0, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
    renderRoute(db, `/decks/${deckId}/readiness`);
    expect(await screen.findByText(/Predicted score on/)).toBeInTheDocument();
    expect(screen.getByText(/no sections or tags of its own/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /Predicted recall/ })).not.toBeInTheDocument();
  });
});
