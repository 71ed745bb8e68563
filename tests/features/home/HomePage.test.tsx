import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addCard } from '../../../src/db/cardEdits';
import { syncDeck } from '../../../src/db/deckInstall';
import { freshDb, makeDeck, T0 } from '../../helpers/builders';
import { renderRoute } from '../../helpers/renderRoute';

function countOf(deckTitle: string, label: string): string | null {
  const deck = screen.getByRole('listitem', { name: deckTitle });
  const term = within(deck).queryByText(label, { selector: 'dt' });
  return term?.nextElementSibling?.textContent ?? null;
}

describe('Home page', () => {
  it('lists each deck with its live counts', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: true });
    renderRoute(db, '/');

    expect(await screen.findByRole('heading', { level: 2, name: 'Test deck' })).toBeInTheDocument();
    await expect.poll(() => screen.queryByText('Due now')).not.toBeNull();
    expect(countOf('Test deck', 'Cards')).toBe('5');
    expect(countOf('Test deck', 'Due now')).toBe('0');
    // 7 items never studied; one per card (5 cards) can be new today, within the limit of 20.
    expect(countOf('Test deck', 'New today')).toBe('5');
    await expect.poll(() => countOf('Test deck', 'Unseen')).toBe('7');
    expect(screen.queryByText(/review items/i)).toBeNull();
  });

  it("names each deck's Study now link with its visible label (label in name)", async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: true });
    renderRoute(db, '/');
    const link = await screen.findByRole('link', { name: 'Study now: Test deck' });
    expect(link).toHaveTextContent('Study now');
    expect(link).toHaveAttribute('href', '/review/test-deck');
  });

  it('updates the counts when the database changes', async () => {
    const db = await freshDb();
    const deck = makeDeck();
    await syncDeck(db, deck, T0, { shipped: true });
    renderRoute(db, '/');
    await screen.findByRole('heading', { level: 2, name: 'Test deck' });
    await screen.findByText('Unseen');

    await syncDeck(db, { ...deck, version: 2, cards: deck.cards.slice(0, 1) }, T0, { shipped: true });

    await expect.poll(() => countOf('Test deck', 'Cards')).toBe('1');
    await expect.poll(() => countOf('Test deck', 'Unseen')).toBe('1');
  });

  it('offers a practice exam only for a deck with exam questions, and as soon as it has one', async () => {
    const db = await freshDb();
    // Flashcards without vetted wrong options only: nothing an exam can ask.
    const flashcards = makeDeck().cards.filter((c) => c.kind === 'basic' || c.kind === 'cloze');
    await syncDeck(db, makeDeck({ cards: flashcards }), T0, { shipped: true });
    renderRoute(db, '/');
    await screen.findByRole('link', { name: 'Study now: Test deck' });
    await screen.findByText('Unseen');
    expect(screen.queryByRole('link', { name: 'Practice exam for Test deck' })).toBeNull();

    const [section] = makeDeck().sections;
    await addCard(
      db,
      'test-deck',
      {
        id: 'q',
        section: section?.id ?? '',
        kind: 'truefalse',
        statement: 'The sky is blue.',
        answer: true,
        explanation: '',
      },
      T0,
    );
    const link = await screen.findByRole('link', { name: 'Practice exam for Test deck' });
    expect(link).toHaveAttribute('href', '/decks/test-deck/exam');
  });

  it('says so when there are no decks', async () => {
    renderRoute(await freshDb(), '/');
    expect(await screen.findByText('No decks yet.')).toBeInTheDocument();
  });

  it('shows a page-not-found message with a way home', async () => {
    const { user } = renderRoute(await freshDb(), '/nowhere');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Go to your decks' }));
    expect(await screen.findByRole('heading', { name: 'Your decks' })).toBeInTheDocument();
  });
});
