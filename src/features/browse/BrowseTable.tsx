import { useVirtualizer } from '@tanstack/react-virtual';
import { type MouseEvent, useRef } from 'react';
import type { SettingsOf } from '../../db/browse/browseRepo';
import type { ItemKey } from '../../db/browse/query';
import { keyString } from '../../db/browse/query';
import { COLUMNS, type Column } from '../../domain/browse/filters';
import type { BrowseRow } from '../../domain/browse/row';
import { COLUMN_LABELS, cellText } from './columns';
import { useWindowRows } from './useBrowseData';

const ROW_HEIGHT = 36;

type Props = {
  keys: readonly ItemKey[];
  /** Rows read with the keys (the first screen's), and the tables' version they were read at. */
  rows?: { rows: readonly BrowseRow[]; version: number };
  now: number;
  version: number | undefined;
  settings: Promise<SettingsOf> | undefined;
  sort: Column;
  dir: 'asc' | 'desc';
  onSort: (column: Column) => void;
  selected: ReadonlySet<string>;
  onToggle: (index: number, shift: boolean) => void;
  openKey: string | null;
  onOpen: (key: ItemKey) => void;
};

/** The matching items as a table; only the rows on screen (and a few around them) are read and rendered. */
export function BrowseTable({
  keys,
  rows: given,
  now,
  version,
  settings,
  sort,
  dir,
  onSort,
  selected,
  onToggle,
  openKey,
  onOpen,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 600 },
  });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = (visible[visible.length - 1]?.index ?? 0) + 1;
  const rows = useWindowRows(keys, first, last, now, version, settings, given);
  const paddingTop = visible[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (visible[visible.length - 1]?.end ?? 0);

  return (
    <div className="browse-scroll" ref={scrollRef}>
      <table className="browse-table" aria-rowcount={keys.length + 1}>
        <caption className="visually-hidden">Matching cards</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-select">
              <span className="visually-hidden">Selected</span>
            </th>
            {COLUMNS.map((column) => (
              <th
                key={column}
                scope="col"
                className={`col-${column}`}
                aria-sort={sort === column ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="sort-button" onClick={() => onSort(column)}>
                  {COLUMN_LABELS[column]}
                  <span aria-hidden="true">{sort === column ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <tr className="spacer" style={{ height: paddingTop }} />}
          {visible.map((v) => {
            const key = keys[v.index];
            if (!key) return null;
            const s = keyString(key);
            const row = rows.get(s);
            const isSelected = selected.has(s);
            return (
              <tr
                key={s}
                aria-rowindex={v.index + 2}
                aria-selected={isSelected}
                className={`${openKey === s ? 'open' : ''} ${row?.updatedUpstream ? 'upstream' : ''}`}
                style={{ height: ROW_HEIGHT }}
              >
                <td className="col-select">
                  <input
                    type="checkbox"
                    checked={isSelected}
                    aria-label={`Select ${row ? row.question.slice(0, 60) : `row ${v.index + 1}`}`}
                    onChange={() => undefined}
                    onClick={(e: MouseEvent<HTMLInputElement>) => onToggle(v.index, e.shiftKey)}
                  />
                </td>
                {row ? (
                  COLUMNS.map((column) =>
                    column === 'question' ? (
                      <td key={column} className="col-question">
                        <button type="button" className="row-open" onClick={() => onOpen(key)}>
                          {cellText(row, column, now)}
                        </button>
                        {row.updatedUpstream && <span className="badge">updated upstream</span>}
                      </td>
                    ) : (
                      <td
                        key={column}
                        className={`col-${column}${column === 'flag' ? ` flag-${row.flag}` : ''}`}
                      >
                        {cellText(row, column, now)}
                      </td>
                    ),
                  )
                ) : (
                  <td colSpan={COLUMNS.length}>…</td>
                )}
              </tr>
            );
          })}
          {paddingBottom > 0 && <tr className="spacer" style={{ height: paddingBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
