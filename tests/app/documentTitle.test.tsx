import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/db/deckInstall';
import { freshDb, makeDeck, T0 } from '../helpers/builders';
import { renderRoute } from '../helpers/renderRoute';

describe('document titles', () => {
  it.each([
    ['/', 'Your decks · Cardinal'],
    ['/review/test-deck', 'Review · Test deck · Cardinal'],
    ['/review/all', 'Review · All decks · Cardinal'],
    ['/decks/test-deck/settings', 'Deck settings · Test deck · Cardinal'],
    ['/decks/test-deck/guide', 'Guide · Test deck · Cardinal'],
    ['/transfer', 'Import / Export · Cardinal'],
    ['/settings', 'Settings · Cardinal'],
    ['/nowhere', 'Page not found · Cardinal'],
  ])('%s is titled "%s"', async (path, title) => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: true });
    renderRoute(db, path);
    await waitFor(() => expect(document.title).toBe(title), { timeout: 5000 });
  });
});
