import { type DeckCounts, deckCounts, deckUnseen, hasExamQuestions, listDecks } from '../../db/decksRepo';
import { useDbQuery } from '../../db/react';
import type { DeckRecord } from '../../domain/records';
import { useNow } from '../../stores/clock';

/** Every installed deck, in id order; `undefined` while loading. Re-read only when the decks table changes. */
export function useDecks(): DeckRecord[] | undefined {
  return useDbQuery((db) => listDecks(db), []);
}

/**
 * One deck's live counts; `undefined` while loading. Each deck has its own live query over its own index ranges,
 * so an answer in one deck re-counts that deck only. Re-counts when a minute passes.
 */
export function useDeckCounts(deck: Pick<DeckRecord, 'id' | 'cardCount'>): DeckCounts | undefined {
  const now = useNow();
  // Minute-level freshness is enough for "due now"; keying on the minute avoids re-querying every render.
  const minute = Math.floor(now / 60_000) * 60_000;
  return useDbQuery((db) => deckCounts(db, deck, minute), [deck.id, deck.cardCount, minute]);
}

/** How many of the deck's items were never studied (live); `undefined` while counting. */
export function useDeckUnseen(deckId: string): number | undefined {
  return useDbQuery((db) => deckUnseen(db, deckId), [deckId]);
}

/** Whether a practice exam can ask anything of the deck (live: adding an mcq card shows the button). */
export function useHasExamQuestions(deckId: string): boolean | undefined {
  return useDbQuery((db) => hasExamQuestions(db, deckId), [deckId]);
}
