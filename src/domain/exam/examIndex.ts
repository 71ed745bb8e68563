/**
 * The stored exam index (table `examItems`, one row per card that an exam can ask): what the set-up counts and
 * the draw samples from without reading card rows. A row is derived from the card and its deck's answer sets and
 * exam options by `examCandidates`, so it always says exactly what the candidates say: the card's section, its
 * askable item ordinals, and [deckId, section, tag] keys for the tag filter.
 */
import { type Candidate, cardCandidates, type DeckCard, type ExamDeckMeta } from './candidates';

export type ExamIndexRow = {
  deckId: string;
  cardId: string;
  section: string;
  /** The card's askable items (item id `${cardId}#${ordinal}`), in ordinal order; never empty. */
  ordinals: number[];
  /** One [deckId, section, tag] key per tag of the card (a multi-entry index). */
  sectionTags: [string, string, string][];
};

/** The ordinal of an item id `${cardId}#${ordinal}` (card ids may hold '#', ordinals never do). */
export function ordinalOf(itemId: string): number {
  return Number(itemId.slice(itemId.lastIndexOf('#') + 1));
}

/** The card id of an item id. */
export function cardIdOfItem(itemId: string): string {
  return itemId.slice(0, itemId.lastIndexOf('#'));
}

/** The index rows of some cards of one deck (cards with nothing to ask get none). Linear in the cards. */
export function examIndexRows(
  deckId: string,
  cards: readonly DeckCard[],
  deck: ExamDeckMeta,
): ExamIndexRow[] {
  const candidatesOf = cardCandidates(deck);
  const rows: ExamIndexRow[] = [];
  for (const record of cards) {
    const found = askable(record, candidatesOf);
    const first = found[0];
    if (!first) continue;
    rows.push({
      deckId,
      cardId: first.cardId,
      section: first.section,
      ordinals: found.map((c) => ordinalOf(c.itemId)).sort((a, b) => a - b),
      sectionTags: [...new Set(first.tags)].map((tag): [string, string, string] => [
        deckId,
        first.section,
        tag,
      ]),
    });
  }
  return rows;
}

/**
 * A card's candidates, or none for a damaged row (no card, or fields of the wrong shape): the index must never
 * stop a write or a schema upgrade; "Check the database" reports such rows.
 */
function askable(record: DeckCard, candidatesOf: (record: DeckCard) => Candidate[]): Candidate[] {
  if (typeof record?.card !== 'object' || record.card === null) return [];
  try {
    return candidatesOf(record);
  } catch {
    return [];
  }
}

/** The deck fields an index row depends on, as one comparable string. */
export function examMetaKey(deck: ExamDeckMeta | undefined): string {
  return JSON.stringify([deck?.answerSets ?? null, deck?.examOptions ?? null]);
}
