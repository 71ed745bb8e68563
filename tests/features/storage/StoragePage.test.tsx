import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setNowForTests } from '../../../src/stores/clock';
import { T0 } from '../../helpers/builders';
import { populatedDb } from '../../helpers/populatedDb';
import { renderRoute } from '../../helpers/renderRoute';

beforeEach(() => setNowForTests(T0 + 10 * 86_400_000));

describe('Settings → Storage', () => {
  it('says what the browser can tell about storage, and the last backup', async () => {
    const db = await populatedDb();
    renderRoute(db, '/settings');
    expect(await screen.findByRole('heading', { name: 'Storage' })).toBeInTheDocument();
    // jsdom has no StorageManager: the page says so instead of guessing.
    expect(await screen.findAllByText('This browser cannot say.')).toHaveLength(2);
    expect(screen.getByText('Never.')).toBeInTheDocument();
  });

  it('takes a snapshot and restores it after a change, with a confirmation', async () => {
    const db = await populatedDb();
    const { user } = renderRoute(db, '/settings');
    await user.click(await screen.findByRole('button', { name: 'Take a snapshot now' }));
    expect(await screen.findByText('Snapshot taken.')).toBeInTheDocument();
    expect(screen.getByText(/\(taken by you\): 7 cards, 3 reviews, 1 exam/)).toBeInTheDocument();

    await db.reviewLogs.clear();
    await user.click(screen.getByRole('button', { name: 'Restore this snapshot' }));
    await user.click(screen.getByRole('button', { name: 'Replace my data' }));
    expect(await screen.findByText(/^Restored the snapshot of/)).toBeInTheDocument();
    expect(await db.reviewLogs.count()).toBe(3);
    expect(screen.getByText(/\(before a restore\): 7 cards, 0 reviews/)).toBeInTheDocument();
  });

  it('checks the database and repairs an orphan review item', async () => {
    const db = await populatedDb();
    const state = await db.cardStates.get(['other', 'o.one#1']);
    if (!state) throw new Error('fixture');
    await db.cardStates.put({ ...state, cardId: 'gone', itemId: 'gone#1' });
    const { user } = renderRoute(db, '/settings');
    await user.click(await screen.findByRole('button', { name: 'Check database' }));
    expect(await screen.findByText(/1 problem found/)).toBeInTheDocument();
    expect(screen.getByText(/its card "gone" does not exist \(removed\)/)).toBeInTheDocument();
    expect(await db.cardStates.get(['other', 'gone#1'])).toBeUndefined();
    expect(screen.getByText(/\(before a database repair\)/)).toBeInTheDocument();
  });
});
