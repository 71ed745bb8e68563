/**
 * Browse's query: which review items match a search and filters, in the chosen order, as a list of keys. Rows
 * are read only for the part of the list on screen (rows.ts). Every filter that has an index narrows the keys
 * through it (search words, tags, kind, deck and section, state, flag, due, lapses, last review); only
 * `marked`, `leech`, retrievability, learning vs relearning and buried need the matching items' rows. Sorting by
 * an indexed column walks that index; the other columns (question, answer, kind, tags, retrievability, marked)
 * are sorted in memory, which is offered up to SORT_IN_MEMORY_MAX matching items.
 */

import { type BrowseFilters, type Column, dayStartOf } from '../../domain/browse/filters';
import { type BrowseRow, sortRows, stateWordOf } from '../../domain/browse/row';
import { queryWords, wordsOf } from '../../domain/browse/words';
import { reviewItemsOf } from '../../domain/deck/reviewItems';
import type { Section } from '../../domain/deck/schema';
import type { CardRecord, CardStateRecord } from '../../domain/records';
import { retrievability } from '../../domain/scheduler';
import type { CardinalDb } from '../database';
import { walkDeckOrder } from './deckOrderWalk';
import { type ReadCache, readBrowseRows } from './rows';

export type { ReadCache } from './rows';

/** Each deck's scheduler settings, by deck id. */
export type SettingsOf = (deckId: string) => Parameters<typeof retrievability>[2];

export type ItemKey = [deckId: string, itemId: string];

export type BrowseResult = {
  keys: ItemKey[];
  /**
   * False for a first page (BrowseResult passed to `onFirst`): the keys found so far, in order; the complete list
   * follows. True (or absent) when `keys` holds every match.
   */
  complete?: boolean;
  /** The number of matches, when known (always when complete). */
  total?: number;
  /** Set when the chosen sort could not be applied (too many matches); the list is then in deck order. */
  notice?: string;
};

export const SORT_IN_MEMORY_MAX = 20_000;
/** Below this many matches, reading the rows and sorting them beats walking a whole index. */
const SMALL = 3_000;
const DAY = 86_400_000;

const INDEX_OF: Partial<Record<Column, string>> = {
  deck: '[deckId+position]',
  section: '[deckId+section]',
  state: 'queue',
  due: 'due',
  interval: 'fsrs.scheduled_days',
  stability: 'fsrs.stability',
  difficulty: 'fsrs.difficulty',
  lapses: 'fsrs.lapses',
  reviews: 'fsrs.reps',
  lastReview: 'fsrs.last_review',
  flag: 'flag',
};

const SEP = '\u0001';
export const keyString = (key: readonly [string, string]) => `${key[0]}${SEP}${key[1]}`;
export function keyOf(s: string): ItemKey {
  const at = s.indexOf(SEP);
  return [s.slice(0, at), s.slice(at + 1)];
}

function intersect(sets: Set<string>[]): Set<string> | undefined {
  if (sets.length === 0) return undefined;
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return undefined;
  return new Set([...smallest].filter((k) => rest.every((s) => s.has(k))));
}

const toSet = (keys: readonly (readonly [string, string])[]) => new Set(keys.map(keyString));

function subtreeIds(sections: readonly Section[], id: string): string[] {
  for (const s of sections) {
    if (s.id === id) return [s.id, ...(s.children ?? []).flatMap((c) => subtreeIds([c], c.id))];
    const inner = subtreeIds(s.children ?? [], id);
    if (inner.length > 0) return inner;
  }
  return [];
}

/**
 * What a search has read of the matching cards so far: their keys, and the rows of those it has read (a few
 * cards, when the words were checked on them), so that nothing is read twice.
 */
type CardMatch = { keys: Set<string>; rows?: Map<string, CardRecord> };

/**
 * Card keys matching the search words, tag, kind and added date (all card-level), or undefined when none is
 * asked.
 */
async function matchingCards(db: CardinalDb, f: BrowseFilters, now: number): Promise<CardMatch | undefined> {
  const sets: Promise<CardMatch>[] = [];
  const cardKeys = (keys: unknown[]) => ({ keys: toSet(keys as [string, string][]) });
  const words = queryWords(f.q ?? '');
  if (words.length > 0) sets.push(cardsWithWords(db, words));
  if (f.tag) sets.push(db.cards.where('card.tags').equals(f.tag).primaryKeys().then(cardKeys));
  if (f.kind) sets.push(db.cards.where('card.kind').equals(f.kind).primaryKeys().then(cardKeys));
  if (f.addedDays !== undefined)
    sets.push(
      db.cards
        .where('addedAt')
        .aboveOrEqual(now - f.addedDays * DAY)
        .primaryKeys()
        .then(cardKeys),
    );
  const found = await Promise.all(sets);
  const keys = intersect(found.map((m) => m.keys));
  if (!keys) return undefined;
  const rows = found.find((m) => m.rows)?.rows;
  return rows ? { keys, rows } : { keys };
}

/**
 * Cards with every word. One word: its index range, read once (a count first would walk the range twice).
 * Several words: the first MANY_CARDS + 1 keys of each word's range are read at once; when some range ends
 * within them, the smallest is the candidates, and the other words are checked on those cards' stored words
 * (their rows are kept for what follows); when every range is large, the ranges are read whole and intersected.
 */
async function cardsWithWords(db: CardinalDb, words: readonly string[]): Promise<CardMatch> {
  const range = (word: string) => db.cards.where('words').startsWith(word);
  const read = async (word: string, limit?: number) =>
    toSet((await (limit ? range(word).limit(limit) : range(word)).primaryKeys()) as [string, string][]);
  if (words.length === 1) return { keys: await read(words[0] as string) };
  const heads = await Promise.all(words.map((word) => read(word, MANY_CARDS + 1)));
  const sized = words.map((word, i) => ({ word, keys: heads[i] as Set<string> }));
  sized.sort((a, b) => a.keys.size - b.keys.size);
  const [rarest, ...rest] = sized;
  if (!rarest) return { keys: new Set() };
  if (rarest.keys.size <= MANY_CARDS) {
    // Words whose range was read whole are checked by their keys; the others on the rarest's card rows.
    const whole = rest.filter((r) => r.keys.size <= MANY_CARDS);
    const partial = rest.filter((r) => r.keys.size > MANY_CARDS);
    let keys = [...rarest.keys].filter((k) => whole.every((r) => r.keys.has(k)));
    if (partial.length === 0 || keys.length === 0) return { keys: new Set(keys) };
    const rows = new Map<string, CardRecord>();
    const read = await db.cards.bulkGet(keys.map(keyOf));
    keys = [];
    for (const row of read) {
      if (!row) continue;
      const own = row.words ?? wordsOf(row.card);
      if (!partial.every(({ word }) => own.some((w) => w.startsWith(word)))) continue;
      const key = keyString([row.deckId, row.id]);
      keys.push(key);
      rows.set(key, row);
    }
    return { keys: new Set(keys), rows };
  }
  const whole = await Promise.all(sized.map(({ word }) => read(word)));
  return { keys: intersect(whole) ?? new Set() };
}

/** Above this many cards, their items are found by one walk over all item keys rather than card by card. */
const MANY_CARDS = 2_000;

/**
 * The item keys of a set of cards. Item ids are `<card id>#<ordinal>`: a few cards are read (one request each, all
 * at once, unless the search has read them already) for their ordinals; many are matched against all item keys,
 * read in one request. (An `anyOf` over thousands of compound keys walks a cursor key by key and takes seconds.)
 */
async function itemKeysOfCards(db: CardinalDb, cards: CardMatch): Promise<Set<string>> {
  if (cards.keys.size > MANY_CARDS) {
    const all = (await db.cardStates.toCollection().primaryKeys()) as ItemKey[];
    const out = new Set<string>();
    for (const [deckId, itemId] of all) {
      const cardId = itemId.slice(0, itemId.lastIndexOf('#'));
      if (cards.keys.has(`${deckId}${SEP}${cardId}`)) out.add(`${deckId}${SEP}${itemId}`);
    }
    return out;
  }
  const known = cards.rows ?? new Map<string, CardRecord>();
  const missing = [...cards.keys].filter((k) => !known.has(k));
  if (missing.length > 0) {
    const read = await db.cards.bulkGet(missing.map(keyOf));
    for (const row of read) if (row) known.set(keyString([row.deckId, row.id]), row);
    cards.rows = known;
  }
  const out = new Set<string>();
  for (const key of cards.keys) {
    const row = known.get(key);
    if (!row || row.retired) continue;
    for (const ref of reviewItemsOf(row.card)) out.add(`${row.deckId}${SEP}${ref.itemId}`);
  }
  return out;
}

/**
 * Item key sets of the item-level indexed filters (deck and section, state, flag, due, lapses, last review).
 * `deckAsSet`: the deck alone (no section) as a key set too; the deck-order walk reads it as a range instead.
 */
function itemLevelSets(
  db: CardinalDb,
  f: BrowseFilters,
  now: number,
  deckAsSet: boolean,
): Promise<Set<string>>[] {
  const sets: Promise<Set<string>>[] = [];
  const items = db.cardStates;
  if (f.deck && (f.section || deckAsSet)) {
    const deckId = f.deck;
    sets.push(
      (async () => {
        if (!f.section) return toSet(await items.where('deckId').equals(deckId).primaryKeys());
        const deck = await db.decks.get(deckId);
        const ids = deck ? subtreeIds(deck.sections, f.section) : [f.section];
        const keys = await items
          .where('[deckId+section]')
          .anyOf((ids.length > 0 ? ids : [f.section]).map((s) => [deckId, s]))
          .primaryKeys();
        return toSet(keys);
      })(),
    );
  }
  const byIndex = (index: string) => items.where(index);
  if (f.state === 'new' || f.state === 'review' || f.state === 'suspended')
    sets.push(byIndex('queue').equals(f.state).primaryKeys().then(toSet));
  if (f.state === 'learning' || f.state === 'relearning')
    sets.push(byIndex('queue').equals('learning').primaryKeys().then(toSet));
  if (f.state === 'buried') sets.push(byIndex('buriedUntil').above(now).primaryKeys().then(toSet));
  if (f.flag)
    sets.push(
      (f.flag === 'any' ? byIndex('flag').above(0) : byIndex('flag').equals(Number(f.flag)))
        .primaryKeys()
        .then(toSet),
    );
  if (f.dueBefore || f.dueAfter) {
    const from = f.dueAfter ? dayStartOf(f.dueAfter) : -Infinity;
    const to = f.dueBefore ? dayStartOf(f.dueBefore) : Infinity;
    sets.push(byIndex('due').between(from, to, true, false).primaryKeys().then(toSet));
  }
  if (f.lapses !== undefined && f.lapses > 0)
    sets.push(byIndex('fsrs.lapses').aboveOrEqual(f.lapses).primaryKeys().then(toSet));
  if (f.reviewedDays !== undefined)
    sets.push(
      byIndex('fsrs.last_review')
        .aboveOrEqual(now - f.reviewedDays * DAY)
        .primaryKeys()
        .then(toSet),
    );
  return sets;
}

/** Item keys from every indexed filter; undefined when no filter narrows the items. */
async function indexedCandidates(
  db: CardinalDb,
  f: BrowseFilters,
  now: number,
  known?: { cards: CardMatch | undefined },
): Promise<Set<string> | undefined> {
  const cards = known ? known.cards : await matchingCards(db, f, now);
  const sets = await Promise.all([
    cards ? itemKeysOfCards(db, cards) : undefined,
    ...itemLevelSets(db, f, now, true),
  ]);
  return intersect(sets.filter((s) => s !== undefined));
}

/** Filters that need the items' rows: returns a row predicate, or undefined when none is asked. */
function rowPredicate(
  f: BrowseFilters,
  now: number,
  settingsOf: SettingsOf | undefined,
): ((item: CardStateRecord) => boolean) | undefined {
  const tests: ((item: CardStateRecord) => boolean)[] = [];
  if (f.marked) tests.push((i) => i.marked);
  if (f.leech) tests.push((i) => i.leech);
  if (f.state) tests.push((i) => stateWordOf(i, now).toLowerCase() === f.state);
  if (f.dueBefore || f.dueAfter) tests.push((i) => i.fsrs.state !== 0);
  if (f.rBelow !== undefined && settingsOf) {
    const below = f.rBelow / 100;
    tests.push((i) => i.fsrs.state !== 0 && retrievability(i.fsrs, now, settingsOf(i.deckId)) < below);
  }
  if (tests.length === 0) return undefined;
  return (item) => tests.every((t) => t(item));
}

const CHUNK = 2_000;

async function readItems(
  db: CardinalDb,
  keys: readonly ItemKey[],
  cache?: ReadCache,
): Promise<CardStateRecord[]> {
  const out: CardStateRecord[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db.cardStates.bulkGet(keys.slice(i, i + CHUNK));
    for (const row of rows) if (row) out.push(row);
  }
  // Kept for the rows of the first page (at most a few thousand: readItems reads only small matches).
  if (cache) for (const row of out) cache.items.set(keyString([row.deckId, row.itemId]), row);
  return out;
}

async function readAllItems(db: CardinalDb): Promise<CardStateRecord[]> {
  return db.cardStates.where('queue').noneOf(['retired']).toArray();
}

/**
 * The keys of the items that match, in order. Retired items (removed from their deck) never show.
 * `settings` gives each deck's scheduler settings (for retrievability): awaited only when the filters or the
 * sort need them. `cache` gets the rows the query reads (for the rows shown next).
 */
export async function queryBrowse(
  db: CardinalDb,
  f: BrowseFilters,
  now: number,
  settings: Promise<SettingsOf>,
  onFirst?: (first: BrowseResult) => void | Promise<void>,
  signal?: AbortSignal,
  cache?: ReadCache,
): Promise<BrowseResult> {
  const sort: Column = f.sort ?? 'deck';
  const dir = f.dir ?? 'asc';
  const needsSettings = f.rBelow !== undefined || !INDEX_OF[sort];
  const settingsOf: SettingsOf | undefined = needsSettings ? await settings : undefined;
  const predicate = rowPredicate(f, now, settingsOf);
  let known: { cards: CardMatch | undefined } | undefined;
  if (sort === 'deck' && dir === 'asc' && !predicate) {
    // Deck order with only indexed filters: a large match is walked in the index's order (deckOrderWalk.ts).
    // The retired items (few: a small index range) are read with the rest, ready for a walk.
    const [cards, itemKeys, retired] = await Promise.all([
      matchingCards(db, f, now),
      Promise.all(itemLevelSets(db, f, now, false)),
      db.cardStates.where('queue').equals('retired').primaryKeys().then(toSet),
    ]);
    const items = intersect(itemKeys);
    if ((!cards || cards.keys.size > SMALL) && (!items || items.size > SMALL))
      return walkInDeckOrder(db, f, cards?.keys, items, retired, onFirst, signal);
    known = { cards };
  }
  const candidates = await indexedCandidates(db, f, now, known);
  if (cache && known?.cards?.rows) for (const [k, row] of known.cards.rows) cache.cards.set(k, row);

  // The matching items' rows, when the filters or a small result make reading them worthwhile.
  let items: CardStateRecord[] | undefined;
  if (candidates && (predicate || candidates.size <= SORT_IN_MEMORY_MAX || !INDEX_OF[sort]))
    items = await readItems(db, [...candidates].map(keyOf), cache);
  else if (!candidates && predicate) items = await readAllItems(db);
  if (items) items = items.filter((i) => !i.retired && (!predicate || predicate(i)));

  const index = INDEX_OF[sort];
  if (items && index && items.length <= SORT_IN_MEMORY_MAX)
    // The rows are read already: their indexed field orders them without walking the whole index.
    return { keys: sortByItemField(items, sort, dir) };
  if (items && (!index || items.length <= SMALL)) {
    if (items.length > SORT_IN_MEMORY_MAX)
      return {
        keys: await orderByIndex(db, '[deckId+position]', 'asc', toSet(items.map(keyTuple))),
        notice: `More than ${SORT_IN_MEMORY_MAX.toLocaleString('en')} cards match: narrow the search to sort by this column. Shown in deck order.`,
      };
    return { keys: await sortInMemory(db, items, sort, dir, now, settingsOf ?? (await settings)) };
  }
  if (!index) {
    // No filter narrowed the items and the column has no index: sort all of them when few enough.
    const total = await db.cardStates.count();
    if (total <= SORT_IN_MEMORY_MAX) {
      const all = (await readAllItems(db)).filter((i) => !i.retired);
      return { keys: await sortInMemory(db, all, sort, dir, now, settingsOf ?? (await settings)) };
    }
    return {
      keys: await orderByIndex(db, '[deckId+position]', 'asc', undefined),
      notice: `More than ${SORT_IN_MEMORY_MAX.toLocaleString('en')} cards match: narrow the search to sort by this column. Shown in deck order.`,
    };
  }
  const within = items ? toSet(items.map(keyTuple)) : candidates;
  return { keys: await orderByIndex(db, index, dir, within) };
}

const keyTuple = (i: CardStateRecord): ItemKey => [i.deckId, i.itemId];

/** Rows of the first page of a walk: what the list shows before the walk has found every match. */
export const FIRST_PAGE = 100;

/**
 * A large match in deck order. The first page is passed on as soon as found; with no filter but the deck, the
 * count (every item but the retired ones) is read after that page is shown, then the walk goes on for the rest.
 */
async function walkInDeckOrder(
  db: CardinalDb,
  f: BrowseFilters,
  cards: Set<string> | undefined,
  items: Set<string> | undefined,
  retired: Set<string>,
  onFirst: ((first: BrowseResult) => void | Promise<void>) | undefined,
  signal: AbortSignal | undefined,
): Promise<BrowseResult> {
  const countable = !cards && !items;
  const keys = await walkDeckOrder(
    db,
    { cards, items, exclude: retired, deck: f.deck },
    FIRST_PAGE,
    async (first, done) => {
      if (!onFirst) return;
      await onFirst({ keys: first, complete: done, ...(done ? { total: first.length } : {}) });
      if (done || !countable) return;
      signal?.throwIfAborted();
      const total = await (f.deck
        ? db.cardStates.where('deckId').equals(f.deck)
        : db.cardStates.toCollection()
      ).count();
      const retiredHere = f.deck ? [...retired].filter((k) => keyOf(k)[0] === f.deck).length : retired.size;
      signal?.throwIfAborted();
      await onFirst({ keys: first, complete: false, total: total - retiredHere });
    },
    signal,
  );
  return { keys, complete: true, total: keys.length };
}

/** The value an indexed column's index holds for an item (null: not in that index, sorts last). */
function indexedValue(item: CardStateRecord, column: Column): number | string | null {
  switch (column) {
    case 'deck':
      return item.position;
    case 'section':
      return item.section;
    case 'state':
      return item.queue;
    case 'due':
      return item.due;
    case 'interval':
      return item.fsrs.scheduled_days;
    case 'stability':
      return item.fsrs.stability;
    case 'difficulty':
      return item.fsrs.difficulty;
    case 'lapses':
      return item.fsrs.lapses;
    case 'reviews':
      return item.fsrs.reps;
    case 'lastReview':
      return item.fsrs.last_review;
    case 'flag':
      return item.flag;
    default:
      return null;
  }
}

/** The order an index walk gives (deck and section indexes lead with the deck id), from the rows. */
function sortByItemField(items: CardStateRecord[], column: Column, dir: 'asc' | 'desc'): ItemKey[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byDeck = column === 'deck' || column === 'section';
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return items
    .map((item) => ({ item, value: indexedValue(item, column) }))
    .sort((a, b) => {
      if (byDeck && a.item.deckId !== b.item.deckId) return cmp(a.item.deckId, b.item.deckId) * sign;
      if (a.value !== b.value) {
        if (a.value === null) return 1;
        if (b.value === null) return -1;
        return cmp(a.value, b.value) * sign;
      }
      return cmp(a.item.deckId, b.item.deckId) || a.item.position - b.item.position;
    })
    .map(({ item }) => keyTuple(item));
}

/** Walks an index for the order; items missing from it (an empty value, e.g. never reviewed) go last. */
async function orderByIndex(
  db: CardinalDb,
  index: string,
  dir: 'asc' | 'desc',
  within: Set<string> | undefined,
): Promise<ItemKey[]> {
  let ordered = (await db.cardStates.orderBy(index).primaryKeys()) as ItemKey[];
  if (dir === 'desc') ordered = ordered.reverse();
  if (within) {
    const seen = new Set<string>();
    const keys: ItemKey[] = [];
    for (const key of ordered) {
      const s = keyString(key);
      if (within.has(s)) {
        keys.push(key);
        seen.add(s);
      }
    }
    for (const s of within) if (!seen.has(s)) keys.push(keyOf(s));
    return keys;
  }
  const retired = toSet(await db.cardStates.where('queue').equals('retired').primaryKeys());
  const keys = retired.size > 0 ? ordered.filter((k) => !retired.has(keyString(k))) : ordered;
  if (index === 'fsrs.last_review') {
    const seen = toSet(keys);
    const rest = await db.cardStates.where('queue').noneOf(['retired']).primaryKeys();
    for (const k of rest as ItemKey[]) if (!seen.has(keyString(k))) keys.push(k);
  }
  return keys;
}

async function sortInMemory(
  db: CardinalDb,
  items: CardStateRecord[],
  sort: Column,
  dir: 'asc' | 'desc',
  now: number,
  settingsOf: SettingsOf,
): Promise<ItemKey[]> {
  const rows: BrowseRow[] = await readBrowseRows(db, items, now, settingsOf);
  return sortRows(rows, sort, dir).map((r) => [r.key[0], r.key[1]]);
}
