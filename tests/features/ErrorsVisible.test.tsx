import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { syncDeck } from '../../src/db/deckInstall';
import { startExam } from '../../src/db/examRepo';
import type { ExamConfig } from '../../src/domain/exam/record';
import { schedulerSettingsKey } from '../../src/domain/settings';
import { dismissFailure } from '../../src/stores/actionErrors';
import { setNowForTests } from '../../src/stores/clock';
import { resetExamSession } from '../../src/stores/examSession';
import { resetReviewSession } from '../../src/stores/reviewSession';
import { EXAM_CARDS, EXAM_SECTIONS } from '../domain/exam/examDeck';
import { basic, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';
import { renderRoute } from '../helpers/renderRoute';

const CONFIG: ExamConfig = {
  count: 3,
  timeLimitMinutes: 10,
  sections: ['san', 'nas', 'vxlan'],
  tags: [],
  passMark: 70,
  order: 'guide',
  seed: 'errors',
  feedSchedule: true,
  retakeOf: null,
};

async function examDb() {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS }), T0, { shipped: true });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  const exam = await startExam(db, 'test-deck', CONFIG, { id: 'x1', now: T0 });
  return { db, exam };
}

beforeEach(() => {
  resetExamSession();
  resetReviewSession();
  dismissFailure();
  setNowForTests(T0);
});

describe('Errors are visible', () => {
  it('a damaged exam record shows an error page with Reload and Export backup, not "Loading…" forever', async () => {
    const { db } = await examDb();
    await db.exams.update('x1', { answers: 'not a list' as never });
    renderRoute(db, '/exams/x1');
    expect(await screen.findByRole('heading', { name: 'This page could not be shown' })).toBeInTheDocument();
    expect(screen.getByText(/Exam "x1" is damaged: field "answers"/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export backup' })).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    // The navigation stays usable around the error.
    expect(screen.getByRole('link', { name: 'Settings' })).toBeInTheDocument();
  });

  it('a failed automatic submit at time-out is shown, and the answers stay saved', async () => {
    const { db, exam } = await examDb();
    renderRoute(db, '/exams/x1');
    await screen.findByText(exam.questions[0]?.question ?? '');
    const spy = vi.spyOn(db, 'transaction').mockRejectedValue(new Error('QuotaExceededError'));
    setNowForTests(T0 + 11 * MINUTE);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Time is up, but the exam could not be submitted: QuotaExceededError',
    );
    spy.mockRestore();
    expect((await db.exams.get('x1'))?.status).toBe('active');
  });

  it('a review action that fails says what failed, in words', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck({ cards: [basic('a'), basic('b')] }), Date.now(), { shipped: true });
    await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
    setNowForTests(Date.now());
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    vi.spyOn(db.cardStates, 'update').mockRejectedValueOnce(new Error('the disk is full'));
    await user.keyboard('-');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The card could not be buried: the disk is full',
    );
    expect(screen.getByText('Front of a')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });
});
