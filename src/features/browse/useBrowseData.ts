import { useMemo } from 'react';
import { browseKeys, browseRows } from '../../db/browse/browseRepo';
import type { ItemKey } from '../../db/browse/query';
import { useDbQuery } from '../../db/react';
import type { BrowseFilters } from '../../domain/browse/filters';
import type { BrowseRow } from '../../domain/browse/row';

/** The keys of every matching item, in order (re-read when the cards change). */
export function useBrowseKeys(filters: BrowseFilters, now: number) {
  const signature = JSON.stringify(filters);
  // The filters are compared by value (signature): a new object with the same filters reads nothing again.
  return useDbQuery(async (db) => ({ ...(await browseKeys(db, filters, now)), signature }), [signature, now]);
}

/** Rows are read a page at a time: the pages covering what is on screen. */
export const PAGE = 50;

/** The rows of keys[from, to), rounded out to whole pages, by key string. */
export function useWindowRows(keys: readonly ItemKey[], from: number, to: number, now: number) {
  const start = Math.floor(from / PAGE) * PAGE;
  const end = Math.min(keys.length, Math.ceil(to / PAGE) * PAGE);
  const slice = useMemo(() => keys.slice(start, end), [keys, start, end]);
  const rows = useDbQuery((db) => browseRows(db, slice, now), [slice, now]);
  return useMemo(() => {
    const byKey = new Map<string, BrowseRow>();
    for (const row of rows ?? []) byKey.set(`${row.key[0]}\u0001${row.key[1]}`, row);
    return byKey;
  }, [rows]);
}
