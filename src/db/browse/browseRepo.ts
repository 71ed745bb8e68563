/** Browse's entry points for the page: the matching keys, the rows on screen, one item's detail. */
import type { BrowseFilters } from '../../domain/browse/filters';
import type { BrowseRow } from '../../domain/browse/row';
import type { ReviewLogRecord } from '../../domain/records';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '../../domain/settings';
import type { CardinalDb } from '../database';
import { getSchedulerSettings } from '../schedulerSettingsRepo';
import { type BrowseResult, type ItemKey, queryBrowse } from './query';
import { readBrowseRows } from './rows';

/** Every deck's scheduler settings (decks are few), as a lookup. */
export async function settingsLookup(db: CardinalDb): Promise<(deckId: string) => SchedulerSettings> {
  const decks = await db.decks.toCollection().primaryKeys();
  const pairs = await Promise.all(decks.map(async (id) => [id, await getSchedulerSettings(db, id)] as const));
  const map = new Map(pairs);
  return (deckId) => map.get(deckId) ?? DEFAULT_SCHEDULER_SETTINGS;
}

/**
 * Every matching key in order. For a large match in deck order, `onFirst` gets the first page (and the count when
 * known) as soon as it is found, before the rest; `signal` stops that walk when a newer search replaces it.
 */
export async function browseKeys(
  db: CardinalDb,
  filters: BrowseFilters,
  now: number,
  onFirst?: (first: BrowseResult) => void,
  signal?: AbortSignal,
): Promise<BrowseResult> {
  return queryBrowse(db, filters, now, await settingsLookup(db), onFirst, signal);
}

export async function browseRows(
  db: CardinalDb,
  keys: readonly ItemKey[],
  now: number,
): Promise<BrowseRow[]> {
  return readBrowseRows(db, keys, now, await settingsLookup(db));
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
