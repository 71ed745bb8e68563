import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../../src/db/database';
import { syncDeck } from '../../../src/db/deckInstall';
import type { Card } from '../../../src/domain/deck/schema';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { resetReviewSession } from '../../../src/stores/reviewSession';
import { basic, freshDb, makeDeck } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

async function deckWith(cards: Card[], settings = {}): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ cards }), Date.now(), { shipped: true });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: { ...SETTINGS, ...settings } });
  return db;
}

const counts = () => screen.getByRole('status', { name: /^Remaining today/ });

beforeEach(() => resetReviewSession());

describe('Review page', () => {
  it('reveals with Space, shows FSRS intervals on the grade buttons and grades with a number key', async () => {
    const db = await deckWith([
      basic('a', { front: 'What does SAN stand for?', back: 'Storage Area Network' }),
      basic('b'),
    ]);
    const { user } = renderRoute(db, '/review/test-deck');

    expect(await screen.findByText('What does SAN stand for?')).toBeInTheDocument();
    expect(counts()).toHaveAccessibleName('Remaining today: 2 new, 0 learning, 0 review');
    expect(screen.queryByRole('button', { name: /^Again/ })).not.toBeInTheDocument();

    await user.keyboard(' ');
    expect(
      within(screen.getByRole('region', { name: 'Answer' })).getByText('Storage Area Network'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Again 1m/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Hard 6m/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Good 10m/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Easy \d+d/ })).toBeInTheDocument();

    await user.keyboard('3');
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    expect(counts()).toHaveAccessibleName('Remaining today: 1 new, 1 learning, 0 review');
    const logs = await db.reviewLogs.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ itemId: 'a#1', rating: 3, state: 0, source: 'review' });
  });

  it('reveals with Enter and with the Show answer button', async () => {
    const db = await deckWith([basic('a'), basic('b')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Back of a')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Easy/ }));
    await screen.findByText('Front of b');
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(screen.getByText('Back of b')).toBeInTheDocument();
  });

  it('undoes answers with u and Ctrl+Z, bringing the card back and removing the log', async () => {
    const db = await deckWith([basic('a'), basic('b'), basic('c')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard(' 4');
    await screen.findByText('Front of b');
    await user.keyboard(' 1');
    await screen.findByText('Front of c');
    expect(await db.reviewLogs.count()).toBe(2);

    await user.keyboard('u');
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(1);
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Front of a')).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(0);
    expect((await db.cardStates.get(['test-deck', 'a#1']))?.queue).toBe('new');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled());
  });

  it('asks multiple choice first, then shows right/wrong with the explanation and suggests a grade', async () => {
    const mcq: Card = {
      id: 'q',
      section: 'beta',
      kind: 'mcq',
      prompt: 'Which storage gives block-level access?',
      options: ['NAS', 'SAN', 'DAS'],
      correct: [1],
      explanation: "Guide, SAN: 'Block-level storage access'.",
    };
    const db = await deckWith([mcq]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Which storage gives block-level access?');

    await user.keyboard('1');
    expect(screen.getByText('Incorrect.')).toBeInTheDocument();
    expect(screen.getByText("Guide, SAN: 'Block-level storage access'.")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Again .*\(suggested\)/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Hard/ }));
    // The only card is now learning (6m): with nothing else left it comes straight back, as a fresh question.
    await waitFor(() => expect(screen.queryByText('Incorrect.')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: /^1 NAS/ })).toBeEnabled();
    expect(counts()).toHaveAccessibleName('Remaining today: 0 new, 1 learning, 0 review');
    expect((await db.reviewLogs.toArray())[0]?.rating).toBe(2);
  });

  it('takes the suggested grade with Enter after a right answer to a true/false question', async () => {
    const tf: Card = {
      id: 't',
      section: 'beta',
      kind: 'truefalse',
      statement: 'NAS is file-level.',
      answer: true,
      explanation: 'Guide, NAS.',
    };
    const db = await deckWith([tf]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('NAS is file-level.');
    await user.keyboard('t');
    expect(screen.getByText('Correct.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Good .*\(suggested\)/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await db.reviewLogs.toArray())[0]?.rating).toBe(3));
  });

  it('hides the cloze deletion in context and reveals it', async () => {
    const cloze: Card = {
      id: 'z',
      section: 'alpha',
      kind: 'cloze',
      text: 'VXLAN uses {{c1::UDP}} port {{c2::4789}}.',
    };
    const db = await deckWith([cloze]);
    const { user } = renderRoute(db, '/review/test-deck');
    const blank = await screen.findByRole('img', { name: 'blank' });
    expect(blank.parentElement).toHaveTextContent('VXLAN uses [');
    expect(blank.parentElement).toHaveTextContent('port 4789.');
    await user.keyboard(' ');
    expect(screen.getByText('UDP', { selector: 'mark' })).toBeInTheDocument();
  });

  it('checks a typed answer with a character diff when type-in is on', async () => {
    const db = await deckWith([basic('a', { front: 'VXLAN port?', back: '4789' })], { typeInAnswers: true });
    const { user } = renderRoute(db, '/review/test-deck');
    const input = await screen.findByRole('textbox', { name: 'Type the answer' });
    await user.type(input, '4798{Enter}');
    expect(screen.getByText('Not quite: compare with the answer.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Again .*\(suggested\)/ })).toBeInTheDocument();
  });

  it('buries and suspends from the review screen', async () => {
    const db = await deckWith([basic('a'), basic('b'), basic('c')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard('-');
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    expect(screen.getByText('Card buried until tomorrow.')).toBeInTheDocument();
    await user.click(screen.getByText('More'));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText('Front of c')).toBeInTheDocument();
    expect((await db.cardStates.get(['test-deck', 'b#1']))?.queue).toBe('suspended');
    // The notice offers Undo: the card comes back.
    await user.click(screen.getByRole('button', { name: 'Undo suspend' }));
    expect(await screen.findByText('Card unsuspended.')).toBeInTheDocument();
    expect((await db.cardStates.get(['test-deck', 'b#1']))?.suspended).toBe(false);
  });

  it('announces a leech and suspends it', async () => {
    const db = await deckWith([basic('a'), basic('b')], { leechThreshold: 1 });
    const item = await db.cardStates.get(['test-deck', 'a#1']);
    if (!item) throw new Error('missing');
    const due = Date.now() - 1000;
    const fsrs = {
      ...item.fsrs,
      state: 2 as const,
      stability: 4,
      difficulty: 5,
      reps: 3,
      due,
      last_review: due - 4 * 86_400_000,
    };
    await db.cardStates.put({ ...item, queue: 'review', due, fsrs });
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard(' 1');
    expect(await screen.findByText(/^Leech: this card has lapsed 1 times/)).toBeInTheDocument();
    expect(await db.cardStates.get(['test-deck', 'a#1'])).toMatchObject({
      leech: true,
      suspended: true,
      queue: 'suspended',
    });
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
  });

  it('says done for today, with a session summary', async () => {
    const db = await deckWith([basic('a')], { learningSteps: [] });
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard(' 3');
    expect(await screen.findByRole('heading', { name: 'Done for today' })).toBeInTheDocument();
    expect(screen.getByText(/^The next review is due/)).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'This session' });
    expect(within(summary).getByText('Cards answered').nextElementSibling).toHaveTextContent('1');
    expect(within(summary).getByText('Again rate').nextElementSibling).toHaveTextContent('0%');
  });
});
