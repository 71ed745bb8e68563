import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { finishExam, startExam } from '../../../src/db/examRepo';
import { recordAnswer } from '../../../src/db/reviewRepo';
import type { ExamConfig } from '../../../src/domain/exam/record';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
import { resetExamSession } from '../../../src/stores/examSession';
import { EXAM_CARDS, EXAM_DECK_META, EXAM_SECTIONS } from '../../domain/exam/examDeck';
import { DAY, freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

const CONFIG: ExamConfig = {
  count: 4,
  timeLimitMinutes: 10,
  sections: ['san', 'nas', 'vxlan'],
  tags: [],
  passMark: 70,
  order: 'guide',
  seed: 'results',
  feedSchedule: true,
  retakeOf: null,
};

/** A finished exam: question 1 right, 2 wrong and flagged, 3 blank, 4 right; only question 1's item studied. */
async function finished() {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS, ...EXAM_DECK_META }), T0, {
    shipped: true,
  });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  const exam = await startExam(db, 'test-deck', CONFIG, { id: 'r1', now: T0 });
  const q = exam.questions;
  await recordAnswer(
    db,
    'test-deck',
    q[0]?.itemId ?? '',
    { rating: 3, now: T0 - 2 * DAY, durationMs: 1000, source: 'review' },
    SETTINGS,
  );
  const wrongOf = (i: number) => q[i]?.options.findIndex((_, j) => !q[i]?.correct.includes(j)) ?? 0;
  const answers = [
    { choice: [...(q[0]?.correct ?? [])], flagged: false },
    { choice: [wrongOf(1)], flagged: true },
    { choice: [], flagged: false },
    { choice: [...(q[3]?.correct ?? [])], flagged: false },
  ];
  await finishExam(db, 'r1', { answers, elapsedMs: 60_000, now: T0 + 60_000, timedOut: false });
  return { db, exam, wrongOf };
}

beforeEach(() => {
  resetExamSession();
  setNowForTests(T0 + 120_000);
});

const questionHeadings = () =>
  within(screen.getByRole('list', { name: 'Questions' }))
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent?.match(/^Question (\d+)\./)?.[1]);

describe('Exam results', { timeout: 20_000 }, () => {
  it('shows every option of every question, marking yours and the right one, with why', async () => {
    const { db, exam, wrongOf } = await finished();
    renderRoute(db, '/exams/r1/results');
    await screen.findByRole('heading', { name: /^Exam results/ });
    const second = exam.questions[1];
    if (!second) throw new Error('no question');
    const options = screen.getByRole('list', { name: 'Options of question 2' });
    const items = within(options).getAllByRole('listitem');
    expect(items).toHaveLength(second.options.length);
    expect(items[wrongOf(1)]).toHaveTextContent(`${second.options[wrongOf(1)]} (your answer)`);
    expect(items[second.correct[0] ?? 0]).toHaveTextContent(
      `${second.options[second.correct[0] ?? 0]} (right answer)`,
    );
    expect(screen.getAllByText('Why:')[0]).toBeInTheDocument();
  });

  it('filters the questions: wrong, flagged, blank, all', async () => {
    const { db } = await finished();
    const { user } = renderRoute(db, '/exams/r1/results');
    await screen.findByRole('heading', { name: /^Exam results/ });
    expect(questionHeadings()).toEqual(['1', '2', '3', '4']);
    await user.click(screen.getByRole('radio', { name: 'Wrong (2)' }));
    expect(questionHeadings()).toEqual(['2', '3']);
    await user.click(screen.getByRole('radio', { name: 'Flagged (1)' }));
    expect(questionHeadings()).toEqual(['2']);
    await user.click(screen.getByRole('radio', { name: 'Blank (1)' }));
    expect(questionHeadings()).toEqual(['3']);
    await user.click(screen.getByRole('radio', { name: 'All (4)' }));
    expect(questionHeadings()).toEqual(['1', '2', '3', '4']);
  });

  it('says which answers fed the schedule and how many unseen cards were left new', async () => {
    const { db } = await finished();
    renderRoute(db, '/exams/r1/results');
    expect(
      await screen.findByText('1 answer recorded as reviews; 2 cards you have not studied yet were left new'),
    ).toBeInTheDocument();
  });

  it('puts the section and tag tables after the questions, folded', async () => {
    const { db } = await finished();
    renderRoute(db, '/exams/r1/results');
    await screen.findByRole('heading', { name: /^Exam results/ });
    const details = screen.getByText('Results by section and by tag').closest('details');
    expect(details).not.toHaveAttribute('open');
    const questions = screen.getByRole('list', { name: 'Questions' });
    // DOCUMENT_POSITION_FOLLOWING: the tables come after the questions.
    expect(questions.compareDocumentPosition(details as Node) & 4).toBe(4);
  });
});
