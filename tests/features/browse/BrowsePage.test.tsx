import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../../src/db/database';
import { syncDeck } from '../../../src/db/deckInstall';
import type { Card } from '../../../src/domain/deck/schema';
import { basic, DAY, freshDb, makeDeck } from '../../helpers/builders';
import { makeDueReview } from '../../helpers/items';
import { renderRoute } from '../../helpers/renderRoute';

// The first render loads the lazy route: give a busy machine time.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout: give the table's scroll area a size so the virtual list renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
});

const CARDS: Card[] = [
  basic('s.san', { front: 'What kind of access does a SAN give?', back: 'Block-level', tags: ['storage'] }),
  basic('s.nas', { front: 'What does NAS share?', back: 'Files', tags: ['storage'], section: 'beta' }),
  basic('n.vlan', { front: 'What does a VLAN separate?', back: 'Broadcast domains', tags: ['network'] }),
  { id: 'n.vx', section: 'alpha-one', kind: 'cloze', text: 'VXLAN uses UDP port {{c1::4789}}.' },
];

async function seeded(): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck({ cards: CARDS }), Date.now(), { shipped: false });
  const vlan = await db.cardStates.get(['test-deck', 'n.vlan#1']);
  if (!vlan) throw new Error('seed');
  makeDueReview(vlan, Date.now() + 3 * DAY, DAY);
  vlan.fsrs.lapses = 2;
  await db.cardStates.put(vlan);
  return db;
}

const table = () => screen.getByRole('table', { name: 'Matching cards' });
const questions = () =>
  within(table())
    .queryAllByRole('button')
    .filter((b) => !b.classList.contains('sort-button'))
    .map((b) => b.textContent);

describe('Browse page', { timeout: 40_000 }, () => {
  it('lists every card, searches by a word prefix, keeps the search in the address', async () => {
    const db = await seeded();
    const { user, router } = renderRoute(db, '/browse');
    expect(await screen.findByText('4 cards match')).toBeInTheDocument();
    await waitFor(() => expect(questions()).toHaveLength(4));

    await user.type(screen.getByRole('searchbox', { name: 'Search cards' }), 'vla');
    expect(await screen.findByText('1 card matches')).toBeInTheDocument();
    await waitFor(() => expect(questions()).toEqual(['What does a VLAN separate?']));
    expect(router.state.location.search).toBe('?q=vla');
  });

  it('filters by deck and section from the address, and by state', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/browse?deck=test-deck&section=beta');
    expect(await screen.findByText('1 card matches')).toBeInTheDocument();
    await waitFor(() => expect(questions()).toEqual(['What does NAS share?']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Section' }), '');
    expect(await screen.findByText('4 cards match')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'review');
    expect(await screen.findByText('1 card matches')).toBeInTheDocument();
    await waitFor(() => expect(questions()).toEqual(['What does a VLAN separate?']));
  });

  it('filters by lapses and tag', async () => {
    const db = await seeded();
    renderRoute(db, '/browse?lapses=1');
    expect(await screen.findByText('1 card matches')).toBeInTheDocument();
    await waitFor(() => expect(questions()).toEqual(['What does a VLAN separate?']));
    cleanup();
    renderRoute(db, '/browse?tag=network&kind=basic');
    expect(await screen.findByText('1 card matches')).toBeInTheDocument();
  });

  it('sorts by a column, both ways', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/browse?tag=storage');
    expect(await screen.findByText('2 cards match')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Question/ }));
    await waitFor(() =>
      expect(questions()).toEqual(['What does NAS share?', 'What kind of access does a SAN give?']),
    );
    expect(screen.getByRole('columnheader', { name: /Question/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: /^Question/ }));
    await waitFor(() =>
      expect(questions()).toEqual(['What kind of access does a SAN give?', 'What does NAS share?']),
    );
  });

  it('opens a card: as shown in review, its state and history', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/browse?q=vxlan');
    await user.click(await screen.findByRole('button', { name: 'VXLAN uses UDP port […].' }));
    const detail = await screen.findByRole('complementary', { name: 'Card' });
    expect(within(detail).getByText('4789')).toBeInTheDocument();
    expect(within(detail).getByText('Never reviewed.')).toBeInTheDocument();
  });

  it('suspends the selection in one go and undoes it from the toast', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/browse?tag=storage');
    await screen.findByText('2 cards match');
    await user.click(await screen.findByRole('checkbox', { name: /^Select What kind/ }));
    await user.click(screen.getByRole('button', { name: 'Select all 2 matching' }));
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText('2 cards suspended')).toBeInTheDocument();
    const suspended = async () =>
      (await db.cardStates.toArray())
        .filter((i) => i.suspended)
        .map((i) => i.itemId)
        .sort();
    expect(await suspended()).toEqual(['s.nas#1', 's.san#1']);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: 2 cards suspended')).toBeInTheDocument();
    expect(await suspended()).toEqual([]);
  });

  it('selects a range with shift-click', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/browse');
    await screen.findByText('4 cards match');
    await waitFor(() => expect(questions()).toHaveLength(4));
    const boxes = within(table()).getAllByRole('checkbox');
    await user.click(boxes[0] as HTMLElement);
    fireEvent.click(boxes[2] as HTMLElement, { shiftKey: true });
    expect(await screen.findByText('3 selected')).toBeInTheDocument();
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true, false]);
  });

  it('keeps a filter chosen while the search box is still waiting to search', async () => {
    const db = await seeded();
    const { user, router } = renderRoute(db, '/browse');
    await screen.findByText('4 cards match');
    await user.type(screen.getByRole('searchbox', { name: 'Search cards' }), 'what');
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'review');
    expect(await screen.findByText('1 card matches')).toBeInTheDocument();
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('what'));
    expect(new URLSearchParams(router.state.location.search).get('state')).toBe('review');
  });
});
