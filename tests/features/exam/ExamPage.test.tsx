import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { getExam, startExam } from '../../../src/db/examRepo';
import type { ExamConfig } from '../../../src/domain/exam/record';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
import { resetExamSession } from '../../../src/stores/examSession';
import { EXAM_CARDS, EXAM_DECK_META, EXAM_SECTIONS } from '../../domain/exam/examDeck';
import { freshDb, MINUTE, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

const CONFIG: ExamConfig = {
  count: 4,
  timeLimitMinutes: 10,
  sections: ['san', 'nas', 'vxlan'],
  tags: [],
  passMark: 70,
  order: 'guide',
  seed: 'component',
  feedSchedule: true,
  retakeOf: null,
};

async function examDb(config: Partial<ExamConfig> = {}) {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS, ...EXAM_DECK_META }), T0, {
    shipped: true,
  });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  const exam = await startExam(db, 'test-deck', { ...CONFIG, ...config }, { id: 'x1', now: T0 });
  return { db, exam };
}

const option = (n: number) => screen.getByRole('button', { name: new RegExp(`^${n} `) });
const progress = () => screen.getByText(/^Question \d+ \/ \d+$/);

beforeEach(() => {
  resetExamSession();
  setNowForTests(T0);
});

describe('Sitting an exam', () => {
  it('answers with keys, flags, goes back and changes an answer, and keeps it all in IndexedDB', async () => {
    const { db, exam } = await examDb();
    const { user } = renderRoute(db, '/exams/x1');
    expect(await screen.findByText(exam.questions[0]?.question ?? '')).toBeInTheDocument();
    expect(progress()).toHaveTextContent('Question 1 / 4');
    expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('Time left 10:00');

    await user.keyboard('2');
    expect(option(2)).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('f');
    expect(screen.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{ArrowRight}');
    expect(progress()).toHaveTextContent('Question 2 / 4');
    expect(screen.getByText(exam.questions[1]?.question ?? '')).toBeInTheDocument();
    await user.click(option(1));

    await user.click(screen.getByRole('button', { name: /Previous/ }));
    expect(progress()).toHaveTextContent('Question 1 / 4');
    expect(option(2)).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('1');
    expect(option(1)).toHaveAttribute('aria-pressed', 'true');
    expect(option(2)).toHaveAttribute('aria-pressed', 'false');

    await waitFor(async () =>
      expect((await getExam(db, 'x1'))?.answers.slice(0, 2)).toEqual([
        { choice: [0], flagged: true },
        { choice: [0], flagged: false },
      ]),
    );
  });

  it('shows a review grid of answered, flagged and blank questions, reopens one, and submits by keyboard', async () => {
    const { db, exam } = await examDb();
    const { user } = renderRoute(db, '/exams/x1');
    await screen.findByText(exam.questions[0]?.question ?? '');
    const correct = (i: number) => String((exam.questions[i]?.correct[0] ?? 0) + 1);
    await user.keyboard(`${correct(0)}{ArrowRight}f{ArrowRight}${correct(2)}`);
    await user.click(screen.getByRole('button', { name: 'Review and submit' }));

    const grid = screen.getByRole('region', { name: 'Review your answers' });
    expect(within(grid).getByRole('status')).toHaveTextContent('2 answered, 1 flagged, 2 blank.');
    expect(within(grid).getByRole('button', { name: 'Question 1: answered' })).toBeInTheDocument();
    expect(within(grid).getByRole('button', { name: 'Question 2: blank, flagged' })).toBeInTheDocument();
    expect(within(grid).getByRole('button', { name: 'Question 4: blank' })).toBeInTheDocument();
    expect(within(grid).getByText(/2 questions are blank/)).toBeInTheDocument();

    await user.click(within(grid).getByRole('button', { name: 'Question 2: blank, flagged' }));
    expect(progress()).toHaveTextContent('Question 2 / 4');
    await user.keyboard(`${correct(1)}r`);
    // The grid's buttons come first and S submits from the keyboard.
    expect(screen.getByRole('button', { name: 'Submit exam' })).toHaveAttribute('aria-keyshortcuts', 'S');
    await user.keyboard('s');

    expect(await screen.findByRole('heading', { name: /^Exam results/ })).toBeInTheDocument();
    expect(screen.getByText(/^Score:/)).toHaveTextContent('Score: 3 / 4 (75 %)');
    expect(screen.getByText('Passed')).toBeInTheDocument();
    const bySection = screen.getByRole('table', { name: 'By section' });
    const total = within(bySection)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
    expect(total.reduce((n, cell) => n + Number(cell.split(' / ')[1]), 0)).toBe(4);
    expect(screen.getAllByRole('link', { name: /in the guide$/ })[0]).toHaveAttribute(
      'href',
      `/decks/test-deck/guide#${exam.questions[0]?.section}`,
    );
    expect(screen.getByText('✗ Not answered')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retake the question I missed' })).toBeInTheDocument();
  });

  it('resumes where it was left with the time used so far, and submits itself when time runs out', async () => {
    const { db, exam } = await examDb();
    const first = renderRoute(db, '/exams/x1');
    await screen.findByText(exam.questions[0]?.question ?? '');
    await first.user.keyboard('1{ArrowRight}');
    setNowForTests(T0 + 4 * MINUTE);
    expect(await screen.findByText('Time left 6:00')).toBeInTheDocument();
    first.unmount();
    resetExamSession();
    await waitFor(async () => expect((await getExam(db, 'x1'))?.elapsedMs).toBe(4 * MINUTE));

    // Four minutes away from the exam do not count.
    setNowForTests(T0 + 60 * MINUTE);
    const second = renderRoute(db, '/exams/x1');
    expect(await screen.findByText(exam.questions[1]?.question ?? '')).toBeInTheDocument();
    expect(progress()).toHaveTextContent('Question 2 / 4');
    expect(screen.getByRole('timer')).toHaveTextContent('Time left 6:00');
    await second.user.click(screen.getByRole('button', { name: /Previous/ }));
    expect(option(1)).toHaveAttribute('aria-pressed', 'true');

    setNowForTests(T0 + 67 * MINUTE);
    expect(
      await screen.findByText('Time ran out: the exam was submitted with the answers given.'),
    ).toBeInTheDocument();
    expect((await getExam(db, 'x1'))?.result).toMatchObject({ timedOut: true, total: 4 });
  });
});
