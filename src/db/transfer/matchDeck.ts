/**
 * Which stored deck an imported deck belongs to, as Anki matches notes: by their guid (Cardinal card ids of
 * package notes are derived from the guid, see idFromGuid), across every deck and whatever the file is called.
 * The deck holding most of the file's cards wins; the user keeps its id and title.
 */
import type { CardinalDb } from '../database';

export type MatchedDeck = { deckId: string; title: string; matchingCards: number };

const CHUNK = 5000;

export async function findDeckHoldingCards(
  db: CardinalDb,
  cardIds: readonly string[],
): Promise<MatchedDeck | undefined> {
  const counts = new Map<string, number>();
  await db.transaction('r', [db.cards, db.decks], async () => {
    for (let start = 0; start < cardIds.length; start += CHUNK) {
      const keys = await db.cards
        .where('id')
        .anyOf(cardIds.slice(start, start + CHUNK))
        .primaryKeys();
      for (const [deckId] of keys) counts.set(deckId, (counts.get(deckId) ?? 0) + 1);
    }
  });
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  if (!best) return undefined;
  const deck = await db.decks.get(best[0]);
  return deck ? { deckId: deck.id, title: deck.title, matchingCards: best[1] } : undefined;
}
