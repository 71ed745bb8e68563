/** "Optimize parameters" refuses a history too small to fit, saying how many reviews it needs. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { recordAnswer } from '../../../src/db/reviewRepo';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { DAY, freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

describe('Optimize parameters', { timeout: 30_000 }, () => {
  it('refuses a small history and says how many reviews are needed', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0 - 5 * DAY, { shipped: false });
    await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
    // Two answers on one day, then one three days later: one review usable for fitting.
    for (const at of [T0 - 4 * DAY, T0 - 4 * DAY + 60_000, T0 - DAY])
      await recordAnswer(
        db,
        'test-deck',
        'a.one#1',
        { rating: 3, now: at, durationMs: 5000, source: 'review' },
        SETTINGS,
      );
    const { user } = renderRoute(db, '/decks/test-deck/settings');
    await screen.findByRole('heading', { name: 'FSRS parameters' }, { timeout: 10_000 });
    expect(screen.getByText(/^This deck uses the default FSRS parameters\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Optimize parameters' }));
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'Not enough history to optimize: 1 usable review(s), and at least 400 are needed',
    );
    expect(await db.settings.get('fsrs-parameters:test-deck')).toBeUndefined();
  });
});
