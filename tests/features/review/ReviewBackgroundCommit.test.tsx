import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardinalDb } from '../../../src/db/database';
import { syncDeck } from '../../../src/db/deckInstall';
import type { Card } from '../../../src/domain/deck/schema';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { answersStored } from '../../../src/stores/answerCommits';
import { resetReviewSession } from '../../../src/stores/reviewSession';
import { basic, freshDb, makeDeck } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

async function deckWith(cards: Card[]): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ cards }), Date.now(), { shipped: true });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  return db;
}

const counts = () => screen.getByRole('status', { name: /^Remaining today/ });

/** Holds the next read-write transaction (an answer's) from starting until `release` is called. */
function holdNextWrite(db: CardinalDb) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  const spy = vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) =>
    args[0] === 'rw'
      ? gate.then(() => {
          spy.mockRestore();
          return transaction(...args);
        })
      : transaction(...args)) as typeof db.transaction);
  return release;
}

beforeEach(() => resetReviewSession());

describe('answers stored in the background', () => {
  it('shows the next card before the answer is stored, then stores state and log together', async () => {
    const db = await deckWith([basic('a'), basic('b'), basic('c')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    // The answer's transaction is held until the next card is on screen.
    const release = holdNextWrite(db);
    await user.keyboard(' 3');
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
    expect(counts()).toHaveAccessibleName('Remaining today: 2 new, 1 learning, 0 review');
    expect(await db.reviewLogs.count()).toBe(0);
    release();
    expect(await answersStored()).toBe(true);
    expect(await db.reviewLogs.count()).toBe(1);
    expect((await db.cardStates.get(['test-deck', 'a#1']))?.queue).toBe('learning');
    // The read after the write shows the same card: nothing jumps.
    await waitFor(() => expect(screen.getByText('Front of b')).toBeInTheDocument());
  });

  it('says when answers wait long to be stored, and stops saying it once they are stored', async () => {
    const db = await deckWith([basic('a'), basic('b'), basic('c')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    const saving = screen.getByRole('status', { name: 'Saving answers' });
    expect(saving).toHaveTextContent('');
    const release = holdNextWrite(db);
    await user.keyboard(' 3');
    await screen.findByText('Front of b');
    await user.keyboard(' 3');
    // Held (as a busy database would hold it): after SLOW_SAVE_MS (2 s) the screen says so.
    await waitFor(() => expect(saving).toHaveTextContent(/^Saving 2 answers… The database is busy/));
    release();
    expect(await answersStored()).toBe(true);
    expect(await db.reviewLogs.count()).toBe(2);
    await waitFor(() => expect(saving).toHaveTextContent(''));
  });

  it('asks before the page is left while an answer is not stored yet, and not once it is', async () => {
    const db = await deckWith([basic('a'), basic('b'), basic('c')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    const release = holdNextWrite(db);
    await user.keyboard(' 3');
    await screen.findByText('Front of b');
    // A reload now would abort the answer's transaction: the browser asks first.
    expect(leave()).toBe(true);
    release();
    expect(await answersStored()).toBe(true);
    expect(await db.reviewLogs.count()).toBe(1);
    expect(leave()).toBe(false);
  });

  it('rolls back to the card whose answer failed, says why, and stores nothing of it', async () => {
    const db = await deckWith([basic('a'), basic('b'), basic('c')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard(' 4');
    await screen.findByText('Front of b');
    expect(await answersStored()).toBe(true);

    const spy = vi
      .spyOn(db.reviewLogs, 'add')
      .mockRejectedValueOnce(new DOMException('The disk is full.', 'QuotaExceededError'));
    await user.keyboard(' 1');
    // The failure comes back to b, its answer still shown, and says what happened.
    expect(
      await screen.findByText(/Your answer could not be saved: .*The disk is full\. The card is shown again/),
    ).toBeInTheDocument();
    expect(screen.getByText('Front of b')).toBeInTheDocument();
    expect(screen.getByText('Back of b')).toBeInTheDocument();
    expect(counts()).toHaveAccessibleName('Remaining today: 2 new, 0 learning, 0 review');
    // The transaction was rolled back whole: no log, b's state as it was.
    expect(await db.reviewLogs.count()).toBe(1);
    expect((await db.cardStates.get(['test-deck', 'b#1']))?.queue).toBe('new');
    spy.mockRestore();

    // Grading again stores it.
    await user.keyboard('3');
    expect(await screen.findByText('Front of c')).toBeInTheDocument();
    expect(await answersStored()).toBe(true);
    expect(await db.reviewLogs.count()).toBe(2);
    expect((await db.cardStates.get(['test-deck', 'b#1']))?.queue).toBe('learning');
  });

  it('drops the answers given after a failed one, with it', async () => {
    const db = await deckWith([basic('a'), basic('b'), basic('c')]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    const release = holdNextWrite(db);
    const spy = vi.spyOn(db.reviewLogs, 'add').mockRejectedValueOnce(new Error('write failed'));
    await user.keyboard(' 4');
    await screen.findByText('Front of b');
    await user.keyboard(' 4');
    await screen.findByText('Front of c');
    release();
    expect(await screen.findByText(/could not be saved: write failed/)).toBeInTheDocument();
    expect(screen.getByText('Front of a')).toBeInTheDocument();
    expect(await answersStored()).toBe(true);
    expect(await db.reviewLogs.count()).toBe(0);
    expect((await db.cardStates.toArray()).map((s) => s.queue)).toEqual(['new', 'new', 'new']);
    spy.mockRestore();
  });

  it('undo right after an answer waits for it and takes it back exactly', async () => {
    const db = await deckWith([basic('a'), basic('b')]);
    const before = await db.cardStates.get(['test-deck', 'a#1']);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard(' 3u');
    expect(await screen.findByText('Last answer undone.')).toBeInTheDocument();
    expect(await screen.findByText('Front of a')).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(0);
    expect(await db.cardStates.get(['test-deck', 'a#1'])).toEqual(before);
  });
});
