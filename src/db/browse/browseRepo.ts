/** Browse's entry points for the page: the matching keys, the rows on screen, one item's detail. */
import type { BrowseFilters } from '../../domain/browse/filters';
import type { BrowseRow } from '../../domain/browse/row';
import type { ReviewLogRecord } from '../../domain/records';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '../../domain/settings';
import type { CardinalDb } from '../database';
import { getSchedulerSettings } from '../schedulerSettingsRepo';
import { type BrowseResult, type ItemKey, queryBrowse, type ReadCache, type SettingsOf } from './query';
import { readBrowseRows } from './rows';

export type { SettingsOf } from './query';

/** Every deck's scheduler settings (decks are few), as a lookup. */
export async function settingsLookup(db: CardinalDb): Promise<SettingsOf> {
  const decks = await db.decks.toCollection().primaryKeys();
  const pairs = await Promise.all(decks.map(async (id) => [id, await getSchedulerSettings(db, id)] as const));
  const map = new Map(pairs);
  return (deckId) => map.get(deckId) ?? DEFAULT_SCHEDULER_SETTINGS;
}

/** A search's matching keys, with the rows of the first of them (`rows`, when asked) ready to show. */
export type BrowseKeysResult = BrowseResult & { rows?: BrowseRow[] };

export type BrowseKeysOptions = {
  /**
   * For a large match in deck order: the first page (and later the count, when known before the rest), as soon
   * as found. The walk for the rest waits for the promise it returns (e.g. until the page is on screen).
   */
  onFirst?: (first: BrowseKeysResult) => void | Promise<void>;
  /** Stops the walk when a newer search replaces this one. */
  signal?: AbortSignal;
  /** The decks' scheduler settings, when the caller has them (read once per page, not per search). */
  settings?: Promise<SettingsOf>;
  /** Rows to read for the first keys of each result passed on (0: none). */
  rows?: number;
};

/**
 * Every matching key in order. With `rows`, each result passed on (first page and complete list) carries the
 * rows of its first `rows` keys, read with what the search has read already, so the list can show them at once.
 */
export async function browseKeys(
  db: CardinalDb,
  filters: BrowseFilters,
  now: number,
  options: BrowseKeysOptions = {},
): Promise<BrowseKeysResult> {
  const { onFirst, signal, rows = 0 } = options;
  const settings = options.settings ?? settingsLookup(db);
  const cache: ReadCache = { items: new Map(), cards: new Map() };
  let shown: BrowseRow[] | undefined;
  const withRows = async (result: BrowseResult): Promise<BrowseKeysResult> => {
    if (rows === 0) return result;
    const first = result.keys.slice(0, rows);
    const have = shown && shown.length === first.length ? shown : undefined;
    // The rows of the first page are read once: the complete list starts with the same keys.
    if (!have || have.some((row, i) => row.key[0] !== first[i]?.[0] || row.key[1] !== first[i]?.[1]))
      shown = await readBrowseRows(db, first, now, await settings, cache);
    return { ...result, rows: shown };
  };
  const result = await queryBrowse(
    db,
    filters,
    now,
    settings,
    onFirst ? async (first) => onFirst(await withRows(first)) : undefined,
    signal,
    cache,
  );
  return withRows(result);
}

export async function browseRows(
  db: CardinalDb,
  keys: readonly ItemKey[],
  now: number,
  settings?: Promise<SettingsOf>,
): Promise<BrowseRow[]> {
  return readBrowseRows(db, keys, now, await (settings ?? settingsLookup(db)));
}

export type ItemDetail = { row: BrowseRow; logs: ReviewLogRecord[]; settings: SchedulerSettings };

/** One item's row and its whole review history, oldest first. */
export async function itemDetail(db: CardinalDb, key: ItemKey, now: number): Promise<ItemDetail | null> {
  const settingsOf = await settingsLookup(db);
  const [row] = await readBrowseRows(db, [key], now, settingsOf);
  if (!row) return null;
  const logs = await db.reviewLogs.where('[deckId+itemId]').equals(key).toArray();
  logs.sort((a, b) => a.review - b.review);
  return { row, logs, settings: settingsOf(key[0]) };
}
