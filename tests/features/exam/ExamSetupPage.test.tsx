import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { getFeedSchedule, listExams } from '../../../src/db/examRepo';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
import { resetExamSession } from '../../../src/stores/examSession';
import { EXAM_CARDS, EXAM_DECK_META, EXAM_SECTIONS } from '../../domain/exam/examDeck';
import { freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

async function deckDb() {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS, ...EXAM_DECK_META }), T0, { shipped: true });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  return db;
}

beforeEach(() => {
  resetExamSession();
  setNowForTests(T0);
});

describe('Exam set-up', () => {
  it('starts with the defaults, every section ticked, and draws the exam it describes', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/decks/test-deck/exam');
    const count = await screen.findByLabelText('Number of questions');
    expect(count).toHaveValue('40');
    expect(screen.getByLabelText('Time limit (minutes)')).toHaveValue('60');
    expect(screen.getByLabelText('Pass mark (%)')).toHaveValue('70');
    expect(screen.getByLabelText('Question order')).toHaveValue('random');
    expect(screen.getByRole('checkbox', { name: 'Exam answers count as reviews' })).toBeChecked();
    const sections = screen.getByRole('group', { name: 'Sections' });
    expect(
      within(sections)
        .getAllByRole('checkbox')
        .map((c) => [c.closest('label')?.textContent, (c as HTMLInputElement).checked]),
    ).toEqual([
      ['SAN (6)', true],
      ['NAS (4)', true],
      ['VXLAN (7)', true],
    ]);
    expect(
      screen.getByText(/^\d+ questions match your choices: the exam will have \d+\.$/),
    ).toBeInTheDocument();

    await user.clear(count);
    await user.type(count, '5');
    await user.click(screen.getByRole('checkbox', { name: 'Timed' }));
    expect(screen.queryByLabelText('Time limit (minutes)')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start exam' }));

    expect(await screen.findByText('Question 1 / 5')).toBeInTheDocument();
    expect(screen.getByText(/^Untimed/)).toBeInTheDocument();
    const [exam] = (await listExams(db)).exams;
    expect(exam?.config).toMatchObject({
      count: 5,
      timeLimitMinutes: null,
      passMark: 70,
      feedSchedule: true,
    });
    expect(new Set(exam?.questions.map((q) => q.section))).toEqual(new Set(['san', 'nas', 'vxlan']));
  });

  it('names the field in error and starts nothing', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/decks/test-deck/exam');
    const passMark = await screen.findByLabelText('Pass mark (%)');
    await user.clear(passMark);
    await user.type(passMark, '120');
    await user.click(screen.getByRole('button', { name: 'None' }));
    await user.click(screen.getByRole('button', { name: 'Start exam' }));
    expect(screen.getByText('Pass mark (%) must be at most 100.')).toBeInTheDocument();
    expect(passMark).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Sections: choose at least one section.')).toBeInTheDocument();
    expect(await db.exams.count()).toBe(0);
  });

  it('preselects one section for "practise this section" and keeps the schedule setting', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/decks/test-deck/exam?section=nas');
    const sections = await screen.findByRole('group', { name: 'Sections' });
    expect(within(sections).getByRole('checkbox', { name: /^NAS/ })).toBeChecked();
    expect(within(sections).getByRole('checkbox', { name: /^SAN/ })).not.toBeChecked();
    expect(screen.getByText('4 questions match your choices: the exam will have 4.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Exam answers count as reviews' }));
    await waitFor(async () => expect(await getFeedSchedule(db)).toBe(false));
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Exam answers count as reviews' })).not.toBeChecked(),
    );
  });
});
