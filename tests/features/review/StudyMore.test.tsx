import { configure, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { addExtraNew, withExtraNew } from '../../../src/domain/studyMore';
import { resetReviewSession } from '../../../src/stores/reviewSession';
import { basic, DAY, freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

configure({ asyncUtilTimeout: 10_000 });
beforeEach(() => resetReviewSession());

describe('Study more today', { timeout: 40_000 }, () => {
  it('raises today’s new card limit from the Done screen; the extra new cards follow', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck({ cards: [basic('a'), basic('b'), basic('c')] }), Date.now(), {
      shipped: false,
    });
    await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: { ...SETTINGS, newPerDay: 1 } });
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Front of a');
    await user.keyboard(' ');
    await user.keyboard('4');
    expect(await screen.findByRole('heading', { name: 'Done for today' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'New cards' })).toHaveValue(10);
    await user.click(screen.getByRole('button', { name: 'Learn 10 more new cards today' }));
    expect(await screen.findByText('Front of b')).toBeInTheDocument();
  });

  it('the extra lasts until the next study day and adds up within a day', () => {
    const extra = addExtraNew(addExtraNew(undefined, 5, T0, T0 + DAY), 3, T0 + 1, T0 + DAY);
    expect(extra).toEqual({ until: T0 + DAY, extra: 8 });
    expect(withExtraNew(SETTINGS, extra, T0 + 2).newPerDay).toBe(SETTINGS.newPerDay + 8);
    expect(withExtraNew(SETTINGS, extra, T0 + DAY).newPerDay).toBe(SETTINGS.newPerDay);
    expect(addExtraNew(extra, 2, T0 + DAY, T0 + 2 * DAY)).toEqual({ until: T0 + 2 * DAY, extra: 2 });
  });
});
