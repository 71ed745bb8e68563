import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { resetReviewSession } from '../../../src/stores/reviewSession';
import { basic, freshDb, makeDeck } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

beforeEach(() => resetReviewSession());

describe('after grading', () => {
  it('the next card’s question takes focus, so it is read out', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck({ cards: [basic('a'), basic('b')] }), Date.now(), { shipped: true });
    await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a', {}, { timeout: 5000 });
    await user.keyboard(' ');
    await user.keyboard('3');
    const next = await screen.findByText('Front of b');
    await waitFor(() => expect(next).toHaveFocus());
    // Keys still work from there.
    await user.keyboard(' ');
    expect(await screen.findByRole('group', { name: /grade/i })).toBeInTheDocument();
  }, 20_000);
});
