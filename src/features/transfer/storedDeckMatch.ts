/**
 * An Anki package re-imported (any file name, any version) goes to the deck that already holds its notes, as
 * Anki matches notes by guid across decks: the read deck takes that deck's id and the user's title for it, so
 * the preview shows "Updates your deck …" and review state is kept. Runs in the import reader (a worker).
 */
import type { CardinalDb } from '../../db/database';
import { findDeckHoldingCards } from '../../db/transfer/matchDeck';
import type { ParsedImport } from '../../domain/transfer/parsedImport';

export async function intoStoredDeck(db: CardinalDb, read: ParsedImport): Promise<ParsedImport> {
  const match = await findDeckHoldingCards(
    db,
    read.deck.cards.map((c) => c.id),
  );
  if (!match) return read;
  return { ...read, deck: { ...read.deck, id: match.deckId, title: match.title } };
}
