import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { recordAnswer } from '../../../src/db/reviewRepo';
import { listSnapshots, restoreSnapshot } from '../../../src/db/snapshots';
import { loadReviewLogs, loadRevlogCardIds } from '../../../src/db/transfer/exports';
import { reviewLogsToFsrsCsv } from '../../../src/domain/transfer/revlogCsv';
import { DAY, freshDb, MINUTE, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

/** Cardinal's own revlog export of a deck with four answers, plus a row for a card that is not here and a bad row. */
async function revlogFile() {
  const db = await freshDb();
  await syncDeck(db, makeDeck(), T0, { shipped: false });
  const answer = (itemId: string, rating: 1 | 3, at: number) =>
    recordAnswer(db, 'test-deck', itemId, { rating, now: at, durationMs: 4000, source: 'review' }, SETTINGS);
  await answer('a.one#1', 3, T0 + MINUTE);
  await answer('a.two#2', 1, T0 + 2 * MINUTE);
  await answer('a.cloze#2', 3, T0 + 3 * MINUTE);
  await answer('a.one#1', 3, T0 + DAY);
  const csv = reviewLogsToFsrsCsv(await loadReviewLogs(db), await loadRevlogCardIds(db));
  return new File([`${csv}99,${T0},3,2,1000\n7,${T0},9,2,1000\n`], 'cardinal-revlog.csv', {
    type: 'text/csv',
  });
}

describe('Import: a review-log CSV', () => {
  it('is previewed as history for the cards of a deck and attached after a snapshot', {
    timeout: 30_000,
  }, async () => {
    const file = await revlogFile();
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const { user } = renderRoute(db, '/transfer');
    await user.upload(await screen.findByLabelText('Choose a file to import', {}, { timeout: 15_000 }), file);

    const summary = await screen.findByRole('status', { name: 'History summary' }, { timeout: 10_000 });
    expect(summary).toHaveTextContent(
      'History for 3 cards of your deck “Test deck” (4 rows match, 1 row names a card that is not here).',
    );
    expect(summary).toHaveTextContent('4 answers to add.');
    expect(screen.getByText(/review_rating "9" is not an answer button/)).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Attach history' }));
    expect(
      await screen.findByText(
        /Attached cardinal-revlog\.csv to “Test deck”: 4 past answers added to 3 cards/,
      ),
    ).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(4);
    expect((await db.cardStates.get(['test-deck', 'a.one#1']))?.fsrs.reps).toBe(2);

    // Undo: the snapshot taken before attaching brings back the deck without the history.
    const [snapshot] = await listSnapshots(db);
    if (snapshot?.id === undefined) throw new Error('no snapshot');
    await restoreSnapshot(db, snapshot.id, T0 + 3 * DAY);
    expect(await db.reviewLogs.count()).toBe(0);
    expect((await db.cardStates.get(['test-deck', 'a.one#1']))?.fsrs.reps).toBe(0);
  });

  it('says so when no row names a stored card, and offers nothing to attach', async () => {
    const db = await freshDb();
    const { user } = renderRoute(db, '/transfer');
    const file = new File(['card_id,review_time,review_rating\n5,1700000000000,3\n'], 'r.csv', {
      type: 'text/csv',
    });
    await user.upload(await screen.findByLabelText('Choose a file to import', {}, { timeout: 15_000 }), file);
    expect(
      await screen.findByRole('status', { name: 'History summary' }, { timeout: 10_000 }),
    ).toHaveTextContent('None of its 1 row names a card stored here.');
    expect(screen.getByRole('button', { name: 'Attach history' })).toBeDisabled();
  });
});
