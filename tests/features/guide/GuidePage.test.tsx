import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import type { Card } from '../../../src/domain/deck/schema';
import { basic, freshDb, makeDeck, T0 } from '../../helpers/builders';
import { renderRoute } from '../../helpers/renderRoute';

const guideText = readFileSync(
  join(import.meta.dirname, '../../../data/guide/virtualization-guide.txt'),
  'utf8',
);

async function guideDb(cards: Card[] = []) {
  const db = await freshDb();
  const deck = makeDeck({
    source: { title: 'Understanding Virtualization Technologies', file: 'guide/virtualization-guide.txt' },
    sections: [
      { id: 'overview', title: 'Overview', heading: 'Overview' },
      {
        id: 'storage',
        title: 'Storage Virtualization',
        heading: 'Storage Virtualization',
        children: [{ id: 'san', title: 'SAN', heading: 'SAN (Storage Area Network)' }],
      },
      { id: 'comparison', title: 'Hypervisor Comparison', heading: 'Hypervisor Comparison' },
      { id: 'nowhere', title: 'Not in the guide', heading: 'No such heading' },
    ],
    cards,
  });
  await syncDeck(db, deck, T0, { shipped: true });
  return db;
}

describe('Guide page', { timeout: 20_000 }, () => {
  it('shows the guide split into the deck sections and focuses the section named in the address', async () => {
    const db = await guideDb();
    renderRoute(db, '/decks/test-deck/guide#san');
    const san = await screen.findByRole('heading', { name: 'SAN', level: 3 }, { timeout: 5000 });
    expect(san).toHaveAttribute('id', 'san');
    await waitFor(() => expect(san).toHaveFocus());
    const section = screen.getByRole('region', { name: 'SAN' });
    expect(
      within(section).getByText(
        'Definition: A high-speed network of storage devices that provides block-level storage access to servers.',
      ),
    ).toBeInTheDocument();
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

  it('renders the comparison table as a table with every row and column of the guide', async () => {
    const db = await guideDb();
    renderRoute(db, '/decks/test-deck/guide');
    const section = await screen.findByRole('region', { name: 'Hypervisor Comparison' }, { timeout: 5000 });
    const table = await within(section).findByRole('table');
    const rows = within(table).getAllByRole('row');
    const expected = guideText
      .split('\n')
      .filter((line) => /\|\s*$/.test(line) && !line.startsWith('-'))
      .map((line) =>
        line
          .split('|')
          .map((cell) => cell.trim())
          .filter((cell) => cell !== ''),
      );
    expect(rows.map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual(expected);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(expected.slice(1).map((row) => row[0]));
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Hypervisor', 'Type', 'Company', 'Key Features', 'Best For']);
    expect(rows).toHaveLength(9);
    expect(section.textContent).not.toContain('---|');
  });

  it('shows sub-headings and bullet lists as such, with no literal "- "', async () => {
    const db = await guideDb();
    renderRoute(db, '/decks/test-deck/guide');
    const overview = await screen.findByRole('region', { name: 'Overview' }, { timeout: 5000 });
    expect(
      await within(overview).findByRole('heading', { name: 'Key Benefits:', level: 3 }),
    ).toBeInTheDocument();
    expect(within(overview).getByText('Improved hardware utilization').tagName).toBe('LI');
    expect(overview.textContent).not.toMatch(/^- /m);
    expect(screen.getAllByRole('link', { name: 'Back to contents' })[0]).toHaveAttribute(
      'href',
      '#guide-contents',
    );
  });

  it('counts each section’s cards and links to studying and browsing them', async () => {
    const db = await guideDb([
      basic('s.one', { section: 'san', reversed: true }),
      basic('s.two', { section: 'storage' }),
      basic('o.one', { section: 'overview' }),
    ]);
    renderRoute(db, '/decks/test-deck/guide');
    const storage = await screen.findByRole('region', { name: 'Storage Virtualization' }, { timeout: 5000 });
    // The storage section counts its own card and SAN's; a reversed card counts once.
    expect(await within(storage).findByText('2 cards')).toBeInTheDocument();
    expect(
      within(storage).getByRole('link', { name: 'Study this section: Storage Virtualization' }),
    ).toHaveAttribute('href', '/review/test-deck?section=storage');
    expect(
      within(storage).getByRole('link', { name: 'Browse these cards: Storage Virtualization' }),
    ).toHaveAttribute('href', '/browse?deck=test-deck&section=storage');
    const san = screen.getByRole('region', { name: 'SAN' });
    expect(within(san).getByText('1 card')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Hypervisor Comparison' })).getByText(
        'No cards in this section.',
      ),
    ).toBeInTheDocument();
  });
});
