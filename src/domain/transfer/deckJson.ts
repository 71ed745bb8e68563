/**
 * The Cardinal deck file (the format of data/decks/): reading one for import, and writing a stored deck back out.
 * Reading validates everything (schema and cross-field rules, duplicate ids included) before anything is written.
 */
import type { Card, Deck } from '../deck/schema';
import { formatIssue, validateDeck } from '../deck/validate';
import type { CardRecord, DeckRecord } from '../records';
import { parseJson } from './jsonText';
import type { ImportRead } from './parsedImport';

/** How many validation problems a refusal lists; the rest are counted. */
const MAX_LISTED = 50;

export function readDeckJson(fileName: string, text: string): ImportRead {
  const parsed = parseJson(text);
  if (!parsed.ok)
    return {
      ok: false,
      fileName,
      problems: [{ where: `${fileName} ${parsed.where}`, reason: parsed.reason }],
    };
  return readDeckValue(fileName, parsed.value);
}

export function readDeckValue(fileName: string, value: unknown): ImportRead {
  const result = validateDeck(value);
  if (!result.ok) {
    const problems = result.issues
      .slice(0, MAX_LISTED)
      .map((issue) => ({ where: fileName, reason: formatIssue(issue) }));
    if (result.issues.length > MAX_LISTED)
      problems.push({ where: fileName, reason: `and ${result.issues.length - MAX_LISTED} more problems` });
    return { ok: false, fileName, problems };
  }
  return { ok: true, fileName, deck: result.deck, skipped: [], warnings: [], history: [] };
}

/** A stored deck as a deck file: live cards in their order; retired cards and review state are left out. */
export function deckFromRecords(deck: DeckRecord, cards: readonly CardRecord[]): Deck {
  const {
    shipped: _shipped,
    installedAt: _installed,
    updatedAt: _updated,
    cardCount: _count,
    ...meta
  } = deck;
  const live: Card[] = [...cards]
    .filter((c) => !c.retired)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.card);
  return { ...meta, cards: live };
}

export function deckFileName(deckId: string, suffix = ''): string {
  return `${deckId}${suffix}.json`;
}
