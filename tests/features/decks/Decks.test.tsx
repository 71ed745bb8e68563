import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installShippedDecks } from '../../../src/app/startup';
import { syncDeck } from '../../../src/db/deckInstall';
import { recordAnswer } from '../../../src/db/reviewRepo';
import { freshDb, makeDeck, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

configure({ asyncUtilTimeout: 10_000 });

describe('Decks: create, rename, delete', { timeout: 40_000 }, () => {
  it('creates a deck (a title is required) and goes on to add its first card', async () => {
    const db = await freshDb();
    const { user, router } = renderRoute(db, '/decks/new');
    await user.click(await screen.findByRole('button', { name: 'Create deck' }));
    expect(await screen.findByText('Title must not be empty.')).toBeInTheDocument();
    expect(await db.decks.count()).toBe(0);
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Networking basics');
    await user.click(screen.getByRole('button', { name: 'Create deck' }));
    expect(await screen.findByRole('heading', { name: 'Add card' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?deck=networking-basics');
    expect(await db.decks.get('networking-basics')).toMatchObject({
      title: 'Networking basics',
      shipped: false,
      cardCount: 0,
    });
    expect(screen.getByRole('combobox', { name: 'Deck' })).toHaveDisplayValue('Networking basics');
  });

  it('a deck without a source guide has no Guide button', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    await syncDeck(
      db,
      makeDeck({ id: 'guided', title: 'Guided', source: { title: 'G', file: 'guide/x.txt' } }),
      T0,
      {
        shipped: true,
      },
    );
    renderRoute(db, '/');
    expect(await screen.findByRole('link', { name: 'Guided guide' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Test deck guide' })).not.toBeInTheDocument();
  });

  it('renames a deck and edits its description', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const { user } = renderRoute(db, '/decks/test-deck/edit');
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Renamed');
    await user.clear(screen.getByRole('textbox', { name: 'Description' }));
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'New words.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await db.decks.get('test-deck')).toMatchObject({ title: 'Renamed', description: 'New words.' });
  });

  it('deletes a deck after a confirmation naming its cards and review logs; a shipped one stays deleted', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: true });
    await recordAnswer(
      db,
      'test-deck',
      'a.one#1',
      { rating: 3, now: T0, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
    const { user } = renderRoute(db, '/decks/test-deck/edit');
    await user.click(await screen.findByRole('button', { name: 'Delete deck…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Delete “Test deck” with its 5 cards and 1 review log? This cannot be undone.',
    );
    expect(screen.getByRole('link', { name: 'Export it first' })).toHaveAttribute(
      'href',
      '/transfer?deck=test-deck',
    );
    await user.click(screen.getByRole('button', { name: 'Delete “Test deck”' }));
    expect(await screen.findByRole('heading', { name: 'Your decks' })).toBeInTheDocument();
    expect([
      await db.decks.count(),
      await db.cards.count(),
      await db.cardStates.count(),
      await db.reviewLogs.count(),
    ]).toEqual([0, 0, 0, 0]);
    const report = await installShippedDecks(db, [makeDeck()], T0);
    expect(report.installed).toEqual([]);
    expect(await db.decks.count()).toBe(0);
  });
});
