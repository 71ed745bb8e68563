import { useEffect, useRef, useState } from 'react';
import { browseKeys, browseRows } from '../../db/browse/browseRepo';
import type { BrowseResult, ItemKey } from '../../db/browse/query';
import { useDb } from '../../db/react';
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

/** Rows are read a page at a time: the pages covering what is on screen, and one either side. */
export const PAGE = 50;

type RowCache = { keys: readonly ItemKey[]; now: number; version: number; pages: Map<number, BrowseRow[]> };

/**
 * The rows of keys[from, to) and one page either side (so a scroll of up to a page finds its rows read), by key
 * string. Each page of PAGE rows is read once (outside a live query) and kept while the keys, the time and the
 * tables stay the same; a scroll reads only the pages it newly reaches. When the tables change, the rows on screen
 * stay shown until their pages are read again.
 */
export function useWindowRows(keys: readonly ItemKey[], from: number, to: number, now: number) {
  const db = useDb();
  const version = useTablesVersion(TABLES);
  const firstPage = Math.max(0, Math.floor(from / PAGE) - 1);
  const lastPage = Math.min(Math.ceil(keys.length / PAGE) - 1, Math.floor(Math.max(from, to - 1) / PAGE) + 1);
  const cache = useRef<RowCache | undefined>(undefined);
  const stale = useRef<Map<number, BrowseRow[]>>(new Map());
  const [, setLoaded] = useState(0);

  const current = cache.current;
  if (
    version !== undefined &&
    (!current || current.keys !== keys || current.now !== now || current.version !== version)
  ) {
    // Rows of the same keys stay on screen while their pages are read again (data changed, not the list).
    const shown = current ? [...current.pages].filter(([, rows]) => rows.length > 0) : [];
    stale.current = current && current.keys === keys ? new Map([...stale.current, ...shown]) : new Map();
    cache.current = { keys, now, version, pages: new Map() };
  }

  useEffect(() => {
    const c = cache.current;
    if (!c) return;
    for (let page = firstPage; page <= lastPage; page++) {
      if (c.pages.has(page)) continue;
      c.pages.set(page, []);
      const slice = c.keys.slice(page * PAGE, (page + 1) * PAGE);
      browseRows(db, slice, c.now).then(
        (rows) => {
          if (cache.current !== c) return;
          c.pages.set(page, rows);
          stale.current.delete(page);
          setLoaded((n) => n + 1);
        },
        () => {
          // Not shown this time: the next scroll or change reads it again.
          if (cache.current === c) c.pages.delete(page);
        },
      );
    }
  });

  const byKey = new Map<string, BrowseRow>();
  const add = (rows: readonly BrowseRow[] | undefined) => {
    for (const row of rows ?? []) byKey.set(`${row.key[0]}\u0001${row.key[1]}`, row);
  };
  for (let page = firstPage; page <= lastPage; page++) {
    add(stale.current.get(page));
    add(cache.current?.pages.get(page));
  }
  return byKey;
}
