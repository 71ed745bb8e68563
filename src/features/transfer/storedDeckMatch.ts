/**
 * An Anki package re-imported (any file name, any version) goes to the deck that already holds its notes, as
 * Anki matches notes by guid across decks: the read deck takes that deck's id and the user's title for it, so
 * the preview shows "Updates your deck …" and review state is kept.
 */
import type { CardinalDb } from '../../db/database';
import { findDeckHoldingCards } from '../../db/transfer/matchDeck';
import type { ImportFile } from './importMessages';

export async function intoStoredDeck(db: CardinalDb, file: ImportFile): Promise<ImportFile> {
  if (file.kind !== 'deck' || !file.isPackage) return file;
  const match = await findDeckHoldingCards(
    db,
    file.read.deck.cards.map((c) => c.id),
  );
  if (!match) return file;
  return {
    ...file,
    read: { ...file.read, deck: { ...file.read.deck, id: match.deckId, title: match.title } },
  };
}
