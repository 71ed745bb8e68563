/** Reads what Browse shows for a set of review items: the items, their cards and decks, in the given order. */
import { type BrowseRow, browseRowOf } from '../../domain/browse/row';
import type { Section } from '../../domain/deck/schema';
import type { CardRecord, CardStateRecord, DeckRecord } from '../../domain/records';
import type { SchedulerSettings } from '../../domain/settings';
import type { CardinalDb } from '../database';

function sectionTitles(decks: readonly DeckRecord[]): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (deckId: string, sections: readonly Section[]) => {
    for (const s of sections) {
      titles.set(`${deckId}/${s.id}`, s.title);
      walk(deckId, s.children ?? []);
    }
  };
  for (const deck of decks) walk(deck.id, deck.sections);
  return titles;
}

/**
 * Rows read by one search so far, by key string (deckId\u0001itemId, deckId\u0001cardId): what a search has read
 * to find its matches is not read again to show them.
 */
export type ReadCache = { items: Map<string, CardStateRecord>; cards: Map<string, CardRecord> };

const SEP = '\u0001';

/** Reads the rows of `keys` not in `known`, one request for all; returns them all in the keys' order. */
async function readVia<T>(
  keys: readonly [string, string][],
  known: Map<string, T> | undefined,
  read: (keys: [string, string][]) => Promise<(T | undefined)[]>,
): Promise<(T | undefined)[]> {
  if (!known) return read([...keys]);
  const missing = keys.filter((k) => !known.has(`${k[0]}${SEP}${k[1]}`));
  if (missing.length > 0) {
    const rows = await read(missing);
    missing.forEach((k, i) => {
      const row = rows[i];
      if (row) known.set(`${k[0]}${SEP}${k[1]}`, row);
    });
  }
  return keys.map((k) => known.get(`${k[0]}${SEP}${k[1]}`));
}

/**
 * Rows for the given items or item keys, in that order; keys whose item or card is gone are left out. With
 * `cache`, rows the search has read already are taken from it.
 */
export async function readBrowseRows(
  db: CardinalDb,
  itemsOrKeys: readonly (CardStateRecord | readonly [string, string])[],
  now: number,
  settingsOf: (deckId: string) => SchedulerSettings,
  cache?: ReadCache,
): Promise<BrowseRow[]> {
  const items: CardStateRecord[] = [];
  const keys: [string, string][] = [];
  for (const entry of itemsOrKeys) {
    if (Array.isArray(entry)) keys.push([entry[0], entry[1]]);
    else items.push(entry as CardStateRecord);
  }
  if (keys.length > 0) {
    const read = await readVia(keys, cache?.items, (k) => db.cardStates.bulkGet(k));
    for (const row of read) if (row && !row.retired) items.push(row);
  }
  const [cards, decks] = await Promise.all([
    readVia(
      items.map((i) => [i.deckId, i.cardId]),
      cache?.cards,
      (k) => db.cards.bulkGet(k),
    ),
    db.decks.toArray(),
  ]);
  const deckById = new Map(decks.map((d) => [d.id, d]));
  const titles = sectionTitles(decks);
  const rows: BrowseRow[] = [];
  items.forEach((item, i) => {
    const card: CardRecord | undefined = cards[i];
    if (!card) return;
    rows.push(browseRowOf(item, card, deckById.get(item.deckId), titles, settingsOf(item.deckId), now));
  });
  return rows;
}
