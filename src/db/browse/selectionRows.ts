/**
 * The rows behind a Browse selection, read for bulk actions without `anyOf` over compound keys (which walks a
 * cursor key by key and takes seconds for thousands of keys): per deck, a selection that is a large part of the
 * deck reads the deck's whole index range once and keeps its own rows; a smaller one sends one request per card or
 * item, all at once (IndexedDB answers them in one pass).
 */
import type { CardStateRecord, ReviewLogRecord } from '../../domain/records';
import type { CardinalDb } from '../database';

/** Above this share of a deck's items, the deck's whole range is read rather than one request per key. */
const LARGE_SHARE = 0.1;

function byDeck<T extends readonly [string, string]>(keys: readonly T[]): Map<string, T[]> {
  const decks = new Map<string, T[]>();
  for (const key of keys) {
    const list = decks.get(key[0]);
    if (list) list.push(key);
    else decks.set(key[0], [key]);
  }
  return decks;
}

async function isLarge(db: CardinalDb, deckId: string, n: number): Promise<boolean> {
  if (n < 200) return false;
  return n >= (await db.cardStates.where('deckId').equals(deckId).count()) * LARGE_SHARE;
}

/** Every review item (retired ones too) of the given cards ([deckId, cardId]). */
export async function itemsOfCards(
  db: CardinalDb,
  cards: readonly (readonly [string, string])[],
): Promise<CardStateRecord[]> {
  const parts = await Promise.all(
    [...byDeck(cards)].map(async ([deckId, list]) => {
      if (await isLarge(db, deckId, list.length)) {
        const wanted = new Set(list.map((c) => c[1]));
        const all = await db.cardStates.where('deckId').equals(deckId).toArray();
        return all.filter((item) => wanted.has(item.cardId));
      }
      const each = await Promise.all(
        list.map((c) => db.cardStates.where('[deckId+cardId]').equals([c[0], c[1]]).toArray()),
      );
      return each.flat();
    }),
  );
  return parts.flat();
}

/** Every review log of the given items ([deckId, itemId]). */
export async function logsOfItems(
  db: CardinalDb,
  items: readonly (readonly [string, string])[],
): Promise<ReviewLogRecord[]> {
  const parts = await Promise.all(
    [...byDeck(items)].map(async ([deckId, list]) => {
      if (await isLarge(db, deckId, list.length)) {
        const wanted = new Set(list.map((i) => i[1]));
        const all = await db.reviewLogs
          .where('[deckId+review]')
          .between([deckId, -Infinity], [deckId, Infinity], true, true)
          .toArray();
        return all.filter((log) => wanted.has(log.itemId));
      }
      const each = await Promise.all(
        list.map((i) => db.reviewLogs.where('[deckId+itemId]').equals([i[0], i[1]]).toArray()),
      );
      return each.flat();
    }),
  );
  return parts.flat();
}
