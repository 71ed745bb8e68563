import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { getFeedSchedule, listExams } from '../../../src/db/examRepo';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { setNowForTests } from '../../../src/stores/clock';
import { resetExamSession } from '../../../src/stores/examSession';
import { EXAM_CARDS, EXAM_DECK_META, EXAM_SECTIONS } from '../../domain/exam/examDeck';
import { basic, freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

async function deckDb() {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ sections: EXAM_SECTIONS, cards: EXAM_CARDS, ...EXAM_DECK_META }), T0, {
    shipped: true,
  });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  return db;
}

beforeEach(() => {
  resetExamSession();
  setNowForTests(T0);
});

describe('Exam set-up', { timeout: 20_000 }, () => {
  it('starts with the defaults, every section chosen, says what will happen, and draws the exam it describes', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/decks/test-deck/exam');
    const count = await screen.findByLabelText('Number of questions');
    expect(count).toHaveValue('40');
    expect(screen.getByLabelText('Time limit (minutes)')).toHaveValue('60');
    expect(screen.getByLabelText('Pass mark (%)')).toHaveValue('70');
    expect(screen.getByLabelText('Question order')).toHaveValue('random');
    expect(screen.getByRole('checkbox', { name: 'Exam answers count as reviews' })).toBeChecked();
    expect(screen.getByText(/^Sections:/)).toHaveTextContent('Sections: all 3');
    const sections = screen.getByRole('group', { name: 'Sections' });
    expect(
      within(sections)
        .getAllByRole('checkbox')
        .map((c) => [c.closest('label')?.textContent, (c as HTMLInputElement).checked]),
    ).toEqual([
      ['SAN (4)', true],
      ['NAS (1)', true],
      ['VXLAN (4)', true],
    ]);
    expect(
      screen.getByText(
        '9 of 9 questions, 60 min, pass at 70 %. Answers to cards you have studied count as reviews; cards not studied yet stay new.',
      ),
    ).toBeInTheDocument();

    await user.clear(count);
    await user.type(count, '5');
    await user.click(screen.getByRole('checkbox', { name: 'Timed' }));
    expect(screen.queryByLabelText('Time limit (minutes)')).not.toBeInTheDocument();
    expect(screen.getByText(/^5 of 9 questions, untimed/)).toBeInTheDocument();
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

  it('shows errors next to Start in a live region, marks the fields, and starts nothing', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/decks/test-deck/exam');
    const passMark = await screen.findByLabelText('Pass mark (%)');
    await user.clear(passMark);
    await user.type(passMark, '120');
    await user.click(screen.getByRole('button', { name: 'No sections' }));
    expect(screen.getByText(/^Sections:/)).toHaveTextContent('Sections: none');
    await user.click(screen.getByRole('button', { name: 'Start exam' }));
    const errors = document.getElementById('setup-errors');
    expect(errors).toHaveAttribute('aria-live', 'assertive');
    expect(errors).toHaveTextContent('Pass mark must be at most 100. Sections: choose at least one section.');
    expect(passMark).toHaveAttribute('aria-invalid', 'true');
    expect(passMark).toHaveAccessibleDescription(/Pass mark must be at most 100/);
    expect(await db.exams.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'All sections' }));
    expect(screen.getByText(/^Sections:/)).toHaveTextContent('Sections: all 3');
  });

  it('narrows by tag: none chosen means any tag', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/decks/test-deck/exam');
    await screen.findByLabelText('Number of questions');
    expect(screen.getByText(/^Tags:/)).toHaveTextContent('Tags: any tag');
    const tags = screen.getByRole('group', { name: 'Tags' });
    await user.click(within(tags).getByRole('checkbox', { name: 'network' }));
    expect(screen.getByText(/^Tags:/)).toHaveTextContent('Tags: 1 of 2');
    // With a tag chosen the count comes from the exam index's tag keys, read after the click.
    expect(await screen.findByText(/^4 of 4 questions/)).toBeInTheDocument();
  });

  it('preselects one section for "practise this section" and keeps the schedule setting', async () => {
    const db = await deckDb();
    const { user } = renderRoute(db, '/decks/test-deck/exam?section=vxlan');
    const sections = await screen.findByRole('group', { name: 'Sections' });
    expect(within(sections).getByRole('checkbox', { name: /^VXLAN/ })).toBeChecked();
    expect(within(sections).getByRole('checkbox', { name: /^SAN/ })).not.toBeChecked();
    expect(screen.getByText(/^4 of 4 questions/)).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Exam answers count as reviews' }));
    await waitFor(async () => expect(await getFeedSchedule(db)).toBe(false));
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Exam answers count as reviews' })).not.toBeChecked(),
    );
    expect(screen.getByText(/Your schedule is not changed\.$/)).toBeInTheDocument();
  });

  it('says why a deck of plain flashcards (e.g. an Anki import) has no exam questions', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck({ cards: [basic('a.one'), basic('a.two')] }), T0, { shipped: false });
    renderRoute(db, '/decks/test-deck/exam');
    expect(await screen.findByText(/This deck has no exam questions yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start exam' })).not.toBeInTheDocument();
  });
});
