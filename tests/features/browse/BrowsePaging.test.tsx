import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../../src/db/database';
import { syncDeck } from '../../../src/db/deckInstall';
import { basic, DAY, freshDb, makeDeck } from '../../helpers/builders';
import { renderRoute } from '../../helpers/renderRoute';

// The first render loads the lazy route: give a busy machine time.
configure({ asyncUtilTimeout: 60_000 });

// jsdom has no layout: give the table's scroll area a size so the virtual list renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
});

const N = 200;

/** N cards (more than the list's first page), installed 30 days ago; two more added yesterday. */
async function seeded(): Promise<CardinalDb> {
  const db = await freshDb();
  const cards = Array.from({ length: N }, (_, i) => basic(`c${i}`, { front: `Question number ${i}` }));
  await syncDeck(db, makeDeck({ cards }), Date.now() - 30 * DAY, { shipped: false });
  const fresh = [basic('new1', { front: 'Fresh card one' }), basic('new2', { front: 'Fresh card two' })];
  await syncDeck(db, makeDeck({ version: 2, cards: [...cards, ...fresh] }), Date.now() - DAY, {
    shipped: false,
  });
  return db;
}

const table = () => screen.getByRole('table', { name: 'Matching cards' });
const questions = () =>
  within(table())
    .queryAllByRole('button')
    .filter((b) => !b.classList.contains('sort-button'))
    .map((b) => b.textContent);

describe('Browse over many cards', { timeout: 300_000 }, () => {
  it('shows the first page with the whole count, and reads further rows as the list scrolls', async () => {
    const db = await seeded();
    renderRoute(db, '/browse');
    expect(await screen.findByText(`${(N + 2).toLocaleString('en')} cards match`)).toBeInTheDocument();
    await waitFor(() => expect(questions()[0]).toBe('Question number 0'));
    expect(questions()).not.toContain('Question number 190');
    expect(table()).toHaveAttribute('aria-rowcount', String(N + 2 + 1));

    const scroller = document.querySelector<HTMLElement>('.browse-scroll');
    if (!scroller) throw new Error('no scroll area');
    scroller.scrollTop = 190 * 36;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(questions()).toContain('Question number 190'));
  });

  it('filters cards added in the last n days and sorts by the Added column', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/browse?addedDays=7');
    expect(await screen.findByText('2 cards match')).toBeInTheDocument();
    await waitFor(() => expect(questions()).toEqual(['Fresh card one', 'Fresh card two']));

    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(await screen.findByText(`${(N + 2).toLocaleString('en')} cards match`)).toBeInTheDocument();
    // The list answers for the sort asked (the status names the search it counts).
    const answered = (sort: object) =>
      waitFor(() =>
        expect(screen.getByText('202 cards match')).toHaveAttribute('data-for', JSON.stringify(sort)),
      );
    await user.click(screen.getByRole('button', { name: /^Added/ }));
    await answered({ sort: 'added', dir: 'asc' });
    await waitFor(() => expect(questions().slice(0, 2)).toEqual(['Question number 0', 'Question number 1']));
    await user.click(screen.getByRole('button', { name: /^Added/ }));
    await answered({ sort: 'added', dir: 'desc' });
    expect(screen.getByRole('columnheader', { name: /Added/ })).toHaveAttribute('aria-sort', 'descending');
    await waitFor(() => expect(questions().slice(0, 2)).toEqual(['Fresh card one', 'Fresh card two']));
  });

  it('suspends, marks and deletes every matching card in one go, each undone from its toast', async () => {
    const db = await seeded();
    const { user } = renderRoute(db, '/browse?q=question');
    expect(await screen.findByText('200 cards match')).toBeInTheDocument();
    await user.click(await screen.findByRole('checkbox', { name: /^Select Question number 0$/ }));
    await user.click(screen.getByRole('button', { name: 'Select all 200 matching' }));
    expect(screen.getByText('200 selected')).toBeInTheDocument();

    const count = (test: (i: { suspended: boolean; marked: boolean }) => boolean) =>
      db.cardStates.filter(test).count();
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(await screen.findByText('200 cards suspended')).toBeInTheDocument();
    expect(await count((i) => i.suspended)).toBe(200);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: 200 cards suspended')).toBeInTheDocument();
    expect(await count((i) => i.suspended)).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Mark' }));
    expect(await screen.findByText('200 cards marked')).toBeInTheDocument();
    expect(await count((i) => i.marked)).toBe(200);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: 200 cards marked')).toBeInTheDocument();
    expect(await count((i) => i.marked)).toBe(0);

    const before = await db.cards.toArray();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('200 cards deleted')).toBeInTheDocument();
    expect(await db.cards.count()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: 200 cards deleted')).toBeInTheDocument();
    expect(await db.cards.toArray()).toEqual(before);
    expect(await db.cardStates.count()).toBe(N + 2);
  });
});
