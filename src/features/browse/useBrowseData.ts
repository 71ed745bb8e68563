import { useEffect, useRef, useState } from 'react';
import {
  type BrowseKeysResult,
  browseKeys,
  browseRows,
  type SettingsOf,
  settingsLookup,
} from '../../db/browse/browseRepo';
import type { ItemKey } from '../../db/browse/query';
import { useDb } from '../../db/react';
import type { BrowseFilters } from '../../domain/browse/filters';
import type { BrowseRow } from '../../domain/browse/row';

export const TABLES = ['decks', 'cards', 'cardStates'] as const;

export type KeysResult = BrowseKeysResult & {
  signature: string;
  /** The tables' version the result (and its rows) was read at. */
  version: number;
  error?: string;
};

/** The next frame (a timer where there are no frames, as in tests). */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });

/**
 * The decks' scheduler settings, read once per Browse page and again when the tables change (for the
 * retrievability of the rows shown); every search and every rows read share them.
 */
export function useSettings(version: number | undefined): Promise<SettingsOf> | undefined {
  const db = useDb();
  const [settings, setSettings] = useState<{ version: number; read: Promise<SettingsOf> }>();
  useEffect(() => {
    if (version === undefined) return;
    const read = settingsLookup(db);
    // A failed read fails the search or the rows that need it, which say so.
    read.catch(() => undefined);
    setSettings({ version, read });
  }, [db, version]);
  return settings !== undefined && settings.version === version ? settings.read : undefined;
}

/**
 * The keys of every matching item, in order (first the first page, when the match is large), with the rows of
 * the first FIRST_ROWS of them, read again when the cards change. Read outside a live query: at 100,000 keys, a
 * live query's bookkeeping of every key read costs seconds.
 */
export function useBrowseKeys(
  filters: BrowseFilters,
  now: number,
  version: number | undefined,
  settings: Promise<SettingsOf> | undefined,
): KeysResult | undefined {
  const db = useDb();
  const signature = JSON.stringify(filters);
  const [result, setResult] = useState<KeysResult>();
  // The filters are compared by value (signature): a new object with the same filters reads nothing again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: filters are covered by their signature
  useEffect(() => {
    if (version === undefined || settings === undefined) return;
    let current = true;
    const stop = new AbortController();
    // A large match in deck order shows its first page at once; the walk for the rest goes on after it is on
    // screen, and the complete list replaces it when found.
    const onFirst = async (first: BrowseKeysResult) => {
      if (!current) return;
      setResult({ ...first, signature, version });
      await nextFrame();
    };
    browseKeys(db, filters, now, { onFirst, signal: stop.signal, settings, rows: FIRST_ROWS }).then(
      (r) => current && setResult({ ...r, complete: true, signature, version }),
      (e: unknown) => {
        if (!current) return;
        setResult({ keys: [], signature, version, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      current = false;
      stop.abort();
    };
  }, [db, version, settings, signature, now]);
  return result;
}

/** Rows are read a page at a time: the pages covering what is on screen, and one either side. */
export const PAGE = 50;
/** Rows read with the keys of a search, before it is shown: the pages the table's first screen needs. */
export const FIRST_ROWS = 2 * PAGE;
/** Rows kept in memory at most; beyond it, only those of the pages in view are kept. */
const KEPT = 40 * PAGE;

/** Rows by key string; null: read, but its item or card is gone (not read again until the tables change). */
type RowCache = { now: number; version: number; rows: Map<string, BrowseRow | null>; reading: Set<string> };

const rowKey = (key: readonly [string, string]) => `${key[0]}\u0001${key[1]}`;

/**
 * The rows of keys[from, to) and one page either side (so a scroll of up to a page finds its rows read), by key
 * string. Rows are kept by key while the time and the tables stay the same: a new list with the same first keys
 * (the complete list after its first page) reads nothing again, nor does a scroll back; `given` are rows read
 * already (with the keys) at `givenVersion`. The missing rows in view are read in one request. When the tables
 * change, the rows on screen stay shown until they are read again.
 */
export function useWindowRows(
  keys: readonly ItemKey[],
  from: number,
  to: number,
  now: number,
  version: number | undefined,
  settings: Promise<SettingsOf> | undefined,
  given?: { rows: readonly BrowseRow[]; version: number },
) {
  const db = useDb();
  const firstPage = Math.max(0, Math.floor(from / PAGE) - 1);
  const lastPage = Math.min(Math.ceil(keys.length / PAGE) - 1, Math.floor(Math.max(from, to - 1) / PAGE) + 1);
  const cache = useRef<RowCache | undefined>(undefined);
  const stale = useRef<Map<string, BrowseRow>>(new Map());
  const [, setLoaded] = useState(0);

  const current = cache.current;
  if (version !== undefined && (!current || current.now !== now || current.version !== version)) {
    // Rows stay on screen while they are read again (the data changed) — not when the time moved.
    const kept = stale.current.size + (current?.rows.size ?? 0) > KEPT ? [] : [...stale.current];
    const shown = [...(current?.rows ?? [])].filter((e): e is [string, BrowseRow] => e[1] !== null);
    stale.current = current && current.now === now ? new Map([...kept, ...shown]) : new Map();
    cache.current = { now, version, rows: new Map(), reading: new Set() };
  }
  const c = cache.current;
  if (c && given && given.version === c.version)
    for (const row of given.rows) if (!c.rows.has(rowKey(row.key))) c.rows.set(rowKey(row.key), row);
  const inView = keys.slice(firstPage * PAGE, (lastPage + 1) * PAGE);

  useEffect(() => {
    if (!c || settings === undefined) return;
    const missing = inView.filter((key) => {
      const k = rowKey(key);
      return !c.rows.has(k) && !c.reading.has(k);
    });
    if (missing.length === 0) return;
    if (c.rows.size > KEPT) {
      const keep = new Set(inView.map(rowKey));
      for (const k of c.rows.keys()) if (!keep.has(k)) c.rows.delete(k);
    }
    for (const key of missing) c.reading.add(rowKey(key));
    const done = () => {
      for (const key of missing) c.reading.delete(rowKey(key));
    };
    browseRows(db, missing, c.now, settings).then(
      (rows) => {
        done();
        if (cache.current !== c) return;
        for (const key of missing) c.rows.set(rowKey(key), null);
        for (const row of rows) {
          c.rows.set(rowKey(row.key), row);
          stale.current.delete(rowKey(row.key));
        }
        setLoaded((n) => n + 1);
      },
      // Not shown this time: the next scroll or change reads it again.
      done,
    );
  });

  const byKey = new Map<string, BrowseRow>();
  for (const key of inView) {
    const k = rowKey(key);
    const row = c?.rows.get(k) ?? stale.current.get(k);
    if (row) byKey.set(k, row);
  }
  return byKey;
}
