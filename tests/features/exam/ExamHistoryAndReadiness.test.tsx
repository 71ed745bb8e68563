import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { finishExam, startExam } from '../../../src/db/examRepo';
import type { ExamConfig } from '../../../src/domain/exam/record';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
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
  seed: 'h',
  feedSchedule: false,
  retakeOf: null,
};

async function withFinishedExam() {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS, ...EXAM_DECK_META }), T0, {
    shipped: true,
  });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  const exam = await startExam(db, 'test-deck', CONFIG, { id: 'done', now: T0 });
  const answers = exam.questions.map((q, i) => ({ choice: i < 2 ? [...q.correct] : [], flagged: false }));
  await finishExam(db, 'done', { answers, elapsedMs: 125_000, now: T0 + 3 * 60_000, timedOut: false });
  await startExam(db, 'test-deck', CONFIG, { id: 'open', now: T0 + DAY });
  return db;
}

beforeEach(() => setNowForTests(T0 + DAY));

describe('Exam history', () => {
  it('deletes an exam only after confirmation, keeping the others', async () => {
    const db = await withFinishedExam();
    const { user } = renderRoute(db, '/exams');
    const table = await screen.findByRole('table');
    const deleteButtons = within(table).getAllByRole('button', { name: /^Delete the exam of / });
    expect(deleteButtons).toHaveLength(2);
    await user.click(deleteButtons[1] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Keep' }));
    expect(await db.exams.count()).toBe(2);
    await user.click(
      within(table).getAllByRole('button', { name: /^Delete the exam of / })[1] as HTMLElement,
    );
    await user.click(
      within(screen.getByRole('group', { name: /^Delete this exam\?/ })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await vi.waitFor(async () => expect(await db.exams.toCollection().primaryKeys()).toEqual(['open']));
    expect(await screen.findAllByRole('button', { name: /^Delete the exam of / })).toHaveLength(1);
  });

  it('lists finished and unfinished exams, newest first, and reopens a finished one', async () => {
    const db = await withFinishedExam();
    const { user } = renderRoute(db, '/exams');
    const rows = within(await screen.findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Test deck', '4', '0 answered', 'In progress (resume)', '0:00', 'Delete…'],
      ['Test deck', '4', '2 / 4 (50 %)', 'Not passed', '2:05', 'Delete…'],
    ]);
    await user.click(within(rows[1] as HTMLElement).getByRole('link'));
    expect(await screen.findByRole('heading', { name: 'Exam results: Test deck' })).toBeInTheDocument();
    expect(screen.getByText(/^Score:/)).toHaveTextContent('Score: 2 / 4 (50 %)');
    expect(
      screen.getByText('Not updated (exam answers were set not to count as reviews)'),
    ).toBeInTheDocument();
  });
});

describe('Readiness', () => {
  it('shows predicted recall per section, the basis of the prediction, and the score history as chart and table', async () => {
    const db = await withFinishedExam();
    // One SAN item reviewed with stability 10, ten days before the exam date: 90 % on that date.
    const item = await db.cardStates.get(['test-deck', 'san.ibm#1']);
    if (!item) throw new Error('missing');
    const examDate = new Date(T0 + 11 * DAY);
    examDate.setHours(12, 0, 0, 0);
    const reviewedAt = examDate.getTime() - 10 * DAY;
    const fsrs = {
      ...item.fsrs,
      state: 2 as const,
      stability: 10,
      difficulty: 5,
      reps: 1,
      last_review: reviewedAt,
    };
    await db.cardStates.put({ ...item, fsrs, queue: 'review' });

    const { user } = renderRoute(db, '/decks/test-deck/readiness');
    const date = await screen.findByLabelText('Exam date');
    await user.clear(date);
    await user.type(date, examDate.toISOString().slice(0, 10));
    const table = screen.getByRole('table', { name: 'Predicted recall by section' });
    const san = within(table).getByRole('row', { name: /^SAN/ });
    const sanItems = EXAM_CARDS.filter((c) => c.section === 'san').length;
    expect(
      within(san)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([`1 / ${sanItems}`, ` ${Math.round((0.9 / sanItems) * 1000) / 10} %`]);
    expect(screen.getByText(/Cards you have never reviewed count as not known/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Practice exam scores over time' })).toHaveAccessibleDescription(
      /^1 exam; latest 50 %/,
    );
    const scores = screen.getByRole('table', { name: 'Practice exam scores, oldest first' });
    expect(within(scores).getAllByRole('row')[1]).toHaveTextContent('50 %70 %');
  });

  it('remembers the exam date chosen for the deck', async () => {
    const db = await withFinishedExam();
    const first = renderRoute(db, '/decks/test-deck/readiness');
    const date = await screen.findByLabelText('Exam date');
    await first.user.clear(date);
    await first.user.type(date, '2026-04-20');
    await vi.waitFor(async () =>
      expect((await db.settings.get('exam:date:test-deck'))?.value).toBe('2026-04-20'),
    );
    first.unmount();
    renderRoute(db, '/decks/test-deck/readiness');
    await vi.waitFor(() => expect(screen.getByLabelText('Exam date')).toHaveValue('2026-04-20'));
  });
});
