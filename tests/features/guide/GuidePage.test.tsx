import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import { freshDb, makeDeck, T0 } from '../../helpers/builders';
import { renderRoute } from '../../helpers/renderRoute';

async function guideDb() {
  const db = await freshDb();
  const deck = makeDeck({
    source: { title: 'Understanding Virtualization Technologies', file: 'guide/virtualization-guide.txt' },
    sections: [
      {
        id: 'storage',
        title: 'Storage Virtualization',
        heading: 'Storage Virtualization',
        children: [{ id: 'san', title: 'SAN', heading: 'SAN (Storage Area Network)' }],
      },
      { id: 'nowhere', title: 'Not in the guide', heading: 'No such heading' },
    ],
    cards: [],
  });
  await syncDeck(db, deck, T0, { shipped: true });
  return db;
}

describe('Guide page', () => {
  it('shows the guide split into the deck sections and focuses the section named in the address', async () => {
    const db = await guideDb();
    renderRoute(db, '/decks/test-deck/guide#san');
    const san = await screen.findByRole('heading', { name: 'SAN', level: 3 });
    expect(san).toHaveAttribute('id', 'san');
    await waitFor(() => expect(san).toHaveFocus());
    const section = screen.getByRole('region', { name: 'SAN' });
    expect(within(section).getByText(/block-level/i)).toBeInTheDocument();
    const contents = screen.getByRole('navigation', { name: 'Guide contents' });
    expect(within(contents).getByRole('link', { name: 'Storage Virtualization' })).toHaveAttribute(
      'href',
      '#storage',
    );
    expect(
      within(screen.getByRole('region', { name: 'Not in the guide' })).getByText(
        "This section's heading was not found in the guide.",
      ),
    ).toBeInTheDocument();
  });
});
