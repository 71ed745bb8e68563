import { useEffect, useMemo, useState } from 'react';
import { browseKeys, browseRows } from '../../db/browse/browseRepo';
import type { BrowseResult, ItemKey } from '../../db/browse/query';
import { useDb, useDbQuery } from '../../db/react';
import { useTablesVersion } from '../../db/useTablesVersion';
import type { BrowseFilters } from '../../domain/browse/filters';
import type { BrowseRow } from '../../domain/browse/row';

const TABLES = ['decks', 'cards', 'cardStates'] as const;

export type KeysResult = BrowseResult & { signature: string; error?: string };

/**
 * The keys of every matching item, in order (first the first page, when the match is large), read again when the
 * cards change. Read outside a live query: at
 * 100,000 keys, a live query's bookkeeping of every key read costs seconds.
 */
export function useBrowseKeys(filters: BrowseFilters, now: number): KeysResult | undefined {
  const db = useDb();
  const version = useTablesVersion(TABLES);
  const signature = JSON.stringify(filters);
  const [result, setResult] = useState<KeysResult>();
  // The filters are compared by value (signature): a new object with the same filters reads nothing again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: filters are covered by their signature
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    // A large match in deck order shows its first page at once; the complete list replaces it when found.
    const onFirst = (first: BrowseResult) => current && setResult({ ...first, signature });
    const stop = new AbortController();
    browseKeys(db, filters, now, onFirst, stop.signal).then(
      (r) => current && setResult({ ...r, complete: true, signature }),
      (e: unknown) =>
        current && setResult({ keys: [], signature, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
      stop.abort();
    };
  }, [db, version, signature, now]);
  return result;
}

/** Rows are read a page at a time: the pages covering what is on screen. */
export const PAGE = 50;

/**
 * The rows of keys[from, to), rounded out to whole pages plus one page either side (so a scroll of up to a page
 * finds its rows already read), by key string.
 */
export function useWindowRows(keys: readonly ItemKey[], from: number, to: number, now: number) {
  const start = Math.max(0, Math.floor(from / PAGE) * PAGE - PAGE);
  const end = Math.min(keys.length, Math.ceil(to / PAGE) * PAGE + PAGE);
  const slice = useMemo(() => keys.slice(start, end), [keys, start, end]);
  const rows = useDbQuery((db) => browseRows(db, slice, now), [slice, now]);
  return useMemo(() => {
    const byKey = new Map<string, BrowseRow>();
    for (const row of rows ?? []) byKey.set(`${row.key[0]}\u0001${row.key[1]}`, row);
    return byKey;
  }, [rows]);
}
