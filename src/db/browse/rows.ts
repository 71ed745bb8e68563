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

/** Rows for the given items or item keys, in that order; keys whose item or card is gone are left out. */
export async function readBrowseRows(
  db: CardinalDb,
  itemsOrKeys: readonly (CardStateRecord | readonly [string, string])[],
  now: number,
  settingsOf: (deckId: string) => SchedulerSettings,
): Promise<BrowseRow[]> {
  const items: CardStateRecord[] = [];
  const keys: [string, string][] = [];
  for (const entry of itemsOrKeys) {
    if (Array.isArray(entry)) keys.push([entry[0], entry[1]]);
    else items.push(entry as CardStateRecord);
  }
  if (keys.length > 0) {
    for (const row of await db.cardStates.bulkGet(keys)) if (row && !row.retired) items.push(row);
  }
  const [cards, decks] = await Promise.all([
    db.cards.bulkGet(items.map((i) => [i.deckId, i.cardId])),
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
