/**
 * Browse's fast path for its default order (deck order, ascending) over a large match: the items'
 * `[deckId+position]` index is walked a chunk of primary keys at a time (keys only, one `getAllKeys` each, no
 * rows read), keeping the keys that pass the filters' key sets. The first page is ready after the first chunk or
 * two, whatever the number of matches; the walk then runs on to the end (keys only) for the exact count and
 * "Select all". Chunks grow (FIRST_CHUNK, doubling up to MAX_CHUNK), so a sparse match costs few requests.
 */
import type { CardinalDb } from '../database';

type Key = [deckId: string, itemId: string];

const SEP = '\u0001';
const keyString = (key: readonly [string, string]) => `${key[0]}${SEP}${key[1]}`;
const cardKeyOf = (key: readonly [string, string]) =>
  `${key[0]}${SEP}${key[1].slice(0, key[1].lastIndexOf('#'))}`;

export type WalkFilter = {
  /** Only items of these cards (key strings deckId\u0001cardId), when set. */
  cards?: ReadonlySet<string>;
  /** Only these items (key strings deckId\u0001itemId), when set. */
  items?: ReadonlySet<string>;
  /** Never these items (retired ones). */
  exclude: ReadonlySet<string>;
  /** Only this deck's items, when set (a range of the index, not a check). */
  deck?: string;
};

export const FIRST_CHUNK = 500;
// Small enough that a newer search waits little for the chunk in flight when it stops an older walk (a request
// cannot be stopped, and the database answers one request at a time).
const MAX_CHUNK = 2_000;

/**
 * Walks the deck order, calling `onPage` once with the matching keys found by the time there are `page` of them
 * (or all of them, if fewer), and returns every matching key in order. The walk goes on when the promise `onPage`
 * returns settles (the page is on screen: the rest of the walk does not compete with showing it). An abort (a
 * newer search) stops the walk before its next request.
 */
export async function walkDeckOrder(
  db: CardinalDb,
  filter: WalkFilter,
  page: number,
  onPage?: (keys: Key[], done: boolean) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<Key[]> {
  const index = db.cardStates.where('[deckId+position]');
  const upper: [string, number] | undefined = filter.deck !== undefined ? [filter.deck, Infinity] : undefined;
  const accept = (key: Key) => {
    const s = keyString(key);
    if (filter.exclude.has(s)) return false;
    if (filter.items && !filter.items.has(s)) return false;
    return !filter.cards || filter.cards.has(cardKeyOf(key));
  };
  const out: Key[] = [];
  let paged = false;
  let chunk = FIRST_CHUNK;
  // Where the next chunk starts (inclusive: positions may repeat within a deck), and the keys of the last chunk,
  // so the ones read already at that boundary are skipped.
  let from: [string, number] | undefined = filter.deck !== undefined ? [filter.deck, -Infinity] : undefined;
  let previous = new Set<string>();
  for (;;) {
    signal?.throwIfAborted();
    const range = from
      ? upper
        ? index.between(from, upper, true, true)
        : index.aboveOrEqual(from)
      : db.cardStates.orderBy('[deckId+position]');
    const keys = (await range.limit(chunk).primaryKeys()) as Key[];
    let start = 0;
    while (start < keys.length && previous.has(keyString(keys[start] as Key))) start++;
    if (start === keys.length && keys.length === chunk)
      throw new Error('Browse: more items share one deck position than a chunk holds');
    for (let i = start; i < keys.length; i++) {
      const key = keys[i] as Key;
      if (accept(key)) out.push(key);
    }
    const done = keys.length < chunk;
    if (!paged && (out.length >= page || done)) {
      paged = true;
      await onPage?.(out.slice(), done);
    }
    if (done) return out;
    signal?.throwIfAborted();
    const last = keys[keys.length - 1] as Key;
    const item = await db.cardStates.get(last);
    if (!item) throw new Error('Browse: an item changed during the walk');
    from = [item.deckId, item.position];
    previous = new Set(keys.map(keyString));
    chunk = Math.min(MAX_CHUNK, chunk * 2);
  }
}
