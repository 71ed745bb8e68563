import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { syncDeck } from '../../../src/db/deckInstall';
import type { Card, Deck } from '../../../src/domain/deck/schema';
import { schedulerSettingsKey } from '../../../src/domain/settings';
import { resetReviewSession } from '../../../src/stores/reviewSession';
import { basic, freshDb, makeDeck } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

async function deckWith(cards: Card[], overrides: Partial<Deck> = {}) {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ cards, ...overrides }), Date.now(), { shipped: true });
  await db.settings.put({ key: schedulerSettingsKey('test-deck'), value: SETTINGS });
  return db;
}

const counts = () => screen.getByRole('status', { name: /^Remaining today/ });

beforeEach(() => resetReviewSession());

describe('Review of one section', () => {
  it('asks only the cards of the section and its sub-sections', async () => {
    const db = await deckWith([
      basic('a', { section: 'alpha' }),
      basic('b', { section: 'beta' }),
      basic('c', { section: 'alpha-one' }),
    ]);
    const { user } = renderRoute(db, '/review/test-deck?section=alpha');
    // The first render of the file loads the review page's modules: a generous wait on a busy machine.
    expect(await screen.findByText('Front of a', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Review: Test deck\s*› Alpha$/ })).toBeInTheDocument();
    expect(counts()).toHaveAccessibleName('Remaining today: 2 new, 0 learning, 0 review');
    await user.keyboard(' ');
    await user.keyboard('4');
    expect(await screen.findByText('Front of c')).toBeInTheDocument();
    await user.keyboard(' ');
    await user.keyboard('4');
    expect(await screen.findByRole('heading', { name: 'Done for today' })).toBeInTheDocument();
    expect(screen.queryByText('Front of b')).not.toBeInTheDocument();
  }, 20_000);

  it('says so when the section does not exist', async () => {
    const db = await deckWith([basic('a')]);
    renderRoute(db, '/review/test-deck?section=nope');
    expect(await screen.findByRole('heading', { name: 'Deck not found' })).toBeInTheDocument();
  });
});

describe('Space on a multiple choice card', () => {
  it('shows the answer unanswered and suggests Again', async () => {
    const db = await deckWith([
      {
        id: 'q',
        section: 'beta',
        kind: 'mcq',
        prompt: 'Which storage gives block-level access?',
        options: ['NAS', 'SAN', 'DAS'],
        correct: [1],
        explanation: 'SAN is block-level.',
      },
    ]);
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText('Which storage gives block-level access?');
    await user.keyboard(' ');
    expect(screen.getByText('Not answered.')).toBeInTheDocument();
    expect(screen.getByText('SAN is block-level.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^2 SAN\s*✓ correct answer/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Again .*\(suggested\)/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await db.reviewLogs.toArray())[0]?.rating).toBe(1));
  });
});

describe('From the guide', () => {
  it('shows the table row the card comes from, highlighted, and the whole table on "more"', async () => {
    const db = await deckWith(
      [
        basic('p', {
          section: 'comparison',
          front: "In the guide's comparison table, is Parallels Desktop a Type 1 or Type 2 hypervisor?",
          back: 'Type 2',
        }),
      ],
      {
        source: { title: 'Guide', file: 'guide/virtualization-guide.txt' },
        sections: [{ id: 'comparison', title: 'Hypervisor Comparison', heading: 'Hypervisor Comparison' }],
      },
    );
    const { user } = renderRoute(db, '/review/test-deck');
    await screen.findByText(/Parallels Desktop a Type 1 or Type 2/);
    await user.keyboard(' ');
    const excerpt = await screen.findByRole('region', { name: 'From the guide' });
    expect(within(excerpt).getByRole('link', { name: 'Hypervisor Comparison' })).toHaveAttribute(
      'href',
      '/decks/test-deck/guide#comparison',
    );
    const table = await within(excerpt).findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByRole('rowheader').textContent).toBe('Parallels Desktop');
    expect(table.querySelector('mark')?.textContent).toBe('Parallels Desktop');
    await user.click(within(excerpt).getByRole('button', { name: 'more' }));
    expect(within(within(excerpt).getByRole('table')).getAllByRole('row')).toHaveLength(9);
    expect(within(excerpt).getByRole('button', { name: 'less' })).toHaveAttribute('aria-expanded', 'true');
  });
});
