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
  const { added, ...deck } = result.deck;
  return {
    ok: true,
    fileName,
    deck,
    skipped: [],
    warnings: [],
    history: [],
    ...(added ? { addedAt: added } : {}),
  };
}

/**
 * A stored deck as a deck file: live cards in their order and when each was added; retired cards and review state
 * are left out.
 */
export function deckFromRecords(deck: DeckRecord, cards: readonly CardRecord[]): Deck {
  const {
    shipped: _shipped,
    installedAt: _installed,
    updatedAt: _updated,
    cardCount: _count,
    ...meta
  } = deck;
  const records = [...cards].filter((c) => !c.retired).sort((a, b) => a.position - b.position);
  const live: Card[] = records.map((c) => c.card);
  const added: Record<string, number> = {};
  for (const c of records) if (c.addedAt !== undefined) added[c.card.id] = c.addedAt;
  return { ...meta, cards: live, ...(Object.keys(added).length > 0 ? { added } : {}) };
}

export function deckFileName(deckId: string, suffix = ''): string {
  return `${deckId}${suffix}.json`;
}
