import './browse.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ActionResult } from '../../db/browse/actions';
import { undoChange } from '../../db/browse/changes';
import { type ItemKey, keyOf, keyString } from '../../db/browse/query';
import { listDecks } from '../../db/decksRepo';
import { useDb, useDbQuery } from '../../db/react';
import { useTablesVersion } from '../../db/useTablesVersion';
import {
  type Column,
  type FilterKey,
  filtersFromParams,
  paramsFromFilters,
} from '../../domain/browse/filters';
import { useNow } from '../../stores/clock';
import { BrowseSearch } from './BrowseSearch';
import { BrowseTable } from './BrowseTable';
import { BulkBar } from './BulkBar';
import { CardDetail } from './CardDetail';
import { type ToastState, UndoToast } from './UndoToast';
import { type KeysResult, TABLES, useBrowseKeys, useSettings } from './useBrowseData';

const NO_KEYS: ItemKey[] = [];

/**
 * The time Browse computes with: it moves only when the clock has moved by a minute or more (useNow reads the
 * clock on every render, and every new time re-runs the query).
 */
function useSteadyNow(): number {
  const live = useNow(60_000);
  const [steady, setSteady] = useState(live);
  useEffect(() => {
    if (Math.abs(live - steady) >= 60_000) setSteady(live);
  }, [live, steady]);
  return steady;
}

/** "10,000 cards match"; while a large match is still being walked, "100+ cards match · counting…". */
function matchCount(result: KeysResult): string {
  const n = result.complete === false ? result.total : result.keys.length;
  if (n === undefined) return `${result.keys.length.toLocaleString('en')}+ cards match · counting…`;
  return `${n.toLocaleString('en')} ${n === 1 ? 'card matches' : 'cards match'}`;
}

/** Every card across decks: search, filter, sort, inspect, and act on a selection. */
export function BrowsePage() {
  const db = useDb();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const now = useSteadyNow();
  const decks = useDbQuery(listDecks, []) ?? [];
  // One version and one read of the scheduler settings for the list and its rows.
  const version = useTablesVersion(TABLES);
  const settings = useSettings(version);
  const result = useBrowseKeys(filters, now, version, settings);
  const keys = result?.keys ?? NO_KEYS;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  const [open, setOpen] = useState<ItemKey | null>(null);
  const [toast, setToast] = useState<ToastState | null>(null);

  useEffect(() => {
    document.title = 'Browse · Cardinal';
  }, []);

  const signature = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search starts a new selection
  useEffect(() => {
    setSelected(new Set());
    anchor.current = null;
  }, [signature]);

  // The latest address, for changes made between renders (the search box's debounce): react-router's
  // functional update would start from the address of the render it was created in.
  const latest = useRef(params);
  latest.current = params;
  const onChange = useCallback(
    (key: FilterKey, value: string | undefined, replace = false) => {
      const next = new URLSearchParams(latest.current);
      if (value === undefined) next.delete(key);
      else next.set(key, value);
      if (key === 'deck') next.delete('section');
      latest.current = next;
      setParams(next, { replace });
    },
    [setParams],
  );

  const onSort = (column: Column) => {
    const current = filters.sort ?? 'deck';
    const dir = current === column && (filters.dir ?? 'asc') === 'asc' ? 'desc' : 'asc';
    setParams(paramsFromFilters({ ...filters, sort: column, dir }));
  };

  const onToggle = (index: number, shift: boolean) => {
    const key = keys[index];
    if (!key) return;
    const s = keyString(key);
    const from = anchor.current;
    setSelected((prev) => {
      const next = new Set(prev);
      if (shift && from !== null) {
        const [lo, hi] = [Math.min(from, index), Math.max(from, index)];
        for (let i = lo; i <= hi; i++) {
          const k = keys[i];
          if (k) next.add(keyString(k));
        }
      } else if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
    anchor.current = index;
  };

  const onDone = (action: ActionResult) =>
    setToast({
      message: action.message,
      undo: async () => {
        await undoChange(db, action.undo);
        setToast({ message: `Undone: ${action.message}` });
      },
    });

  const selection = useMemo(() => [...selected].map(keyOf), [selected]);
  const openKey = open ? keyString(open) : null;

  return (
    <section className="browse-page" aria-labelledby="browse-heading">
      <div className="browse-head">
        <h1 id="browse-heading">Browse</h1>
        <Link
          className="button"
          to={filters.deck ? `/cards/new?deck=${encodeURIComponent(filters.deck)}` : '/cards/new'}
        >
          Add card
        </Link>
      </div>
      <BrowseSearch
        filters={filters}
        decks={decks}
        onChange={onChange}
        onClear={() => setParams(new URLSearchParams())}
      />
      <p className="browse-status" aria-live="polite" data-for={result?.signature}>
        {result === undefined || result.signature !== JSON.stringify(filters)
          ? 'Searching…'
          : matchCount(result)}
        {result?.notice ? ` · ${result.notice}` : ''}
        {result?.error ? ` · The search failed: ${result.error}` : ''}
      </p>
      {selection.length > 0 && (
        <BulkBar
          selection={selection}
          total={result?.complete === false ? undefined : keys.length}
          decks={decks}
          now={now}
          onSelectAll={() => setSelected(new Set(keys.map(keyString)))}
          onClear={() => setSelected(new Set())}
          onDone={onDone}
          onError={(message) => setToast({ message })}
        />
      )}
      <div className={`browse-split${open ? ' with-detail' : ''}`}>
        {result !== undefined && keys.length === 0 ? (
          <p className="browse-empty">No cards match. Try fewer words or clear a filter.</p>
        ) : (
          <BrowseTable
            keys={keys}
            rows={result?.rows ? { rows: result.rows, version: result.version } : undefined}
            now={now}
            version={version}
            settings={settings}
            sort={filters.sort ?? 'deck'}
            dir={filters.dir ?? 'asc'}
            onSort={onSort}
            selected={selected}
            onToggle={onToggle}
            openKey={openKey}
            onOpen={setOpen}
          />
        )}
        {open && (
          <CardDetail
            itemKey={open}
            now={now}
            onClose={() => setOpen(null)}
            onEdit={(cardId) =>
              navigate(`/cards/${encodeURIComponent(open[0])}/${encodeURIComponent(cardId)}/edit`)
            }
          />
        )}
      </div>
      <UndoToast toast={toast} onClose={() => setToast(null)} />
    </section>
  );
}
