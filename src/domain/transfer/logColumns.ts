/**
 * Review logs as columns, for the compact backup (backupLines.ts): a chunk of logs becomes one array per field
 * (numbers as numbers, booleans as 0/1, a missing `id` or a null `last_review` as null) and its strings (deck,
 * item and card ids, the source) become indexes into one list of the chunk's distinct strings. A million logs
 * are then a few arrays of numbers rather than a million objects of repeated field names and ids, and the
 * rows made back from a chunk share their id strings. Turning columns back into rows checks only the shape
 * (every column present, as long as the chunk, strings indexes in range); the rows are then checked by the
 * same row schema as any backup row (backupRows.ts).
 */
import { z } from 'zod';
import type { Rows } from './backup';

/** Fields whose value is a string, stored as an index into the chunk's `strings`. */
const STRING_FIELDS = ['deckId', 'itemId', 'cardId', 'source'] as const;
/** Fields whose value is a number (null where the row has none: `id` is optional). */
const NUMBER_FIELDS = [
  'id',
  'rating',
  'state',
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'last_elapsed_days',
  'scheduled_days',
  'learning_steps',
  'review',
  'durationMs',
] as const;
/** The fields of `before.fsrs`, each a number (`last_review` may be null). */
const FSRS_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
  'state',
  'last_review',
] as const;
/** The booleans of `before`, stored as 0 or 1. */
const FLAG_FIELDS = ['suspended', 'leech'] as const;

const column = (name: string) => name;
const fsrsColumn = (name: string) => `before.fsrs.${name}`;
const flagColumn = (name: string) => `before.${name}`;

/** Every column name of a chunk, in the order they are written. */
export const LOG_COLUMNS: readonly string[] = [
  ...STRING_FIELDS.map(column),
  ...NUMBER_FIELDS.map(column),
  ...FSRS_FIELDS.map(fsrsColumn),
  ...FLAG_FIELDS.map(flagColumn),
];

export const logChunkSchema = z.strictObject({
  n: z.number().int().min(0),
  strings: z.array(z.string()),
  columns: z.record(z.string(), z.array(z.number().nullable())),
});

export type LogChunk = z.infer<typeof logChunkSchema>;

/** Logs as one chunk of columns. Values that do not fit a column (a string where a number belongs) go as null. */
export function logsToColumns(rows: readonly Rows[]): LogChunk {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const stringIndex = (value: unknown): number | null => {
    if (typeof value !== 'string') return null;
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexOf.set(value, index);
    }
    return index;
  };
  const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
  const flag = (value: unknown): number | null => (value === true ? 1 : value === false ? 0 : null);
  const columns: Record<string, (number | null)[]> = Object.fromEntries(LOG_COLUMNS.map((c) => [c, []]));
  const push = (name: string, value: number | null) => columns[name]?.push(value);
  for (const row of rows) {
    for (const f of STRING_FIELDS) push(column(f), stringIndex(row[f]));
    for (const f of NUMBER_FIELDS) push(column(f), num(row[f]));
    const before = (row.before ?? {}) as Rows;
    const fsrs = (before.fsrs ?? {}) as Rows;
    for (const f of FSRS_FIELDS) push(fsrsColumn(f), num(fsrs[f]));
    for (const f of FLAG_FIELDS) push(flagColumn(f), flag(before[f]));
  }
  return { n: rows.length, strings, columns };
}

/** A chunk's rows, or the first column that is not what it should be (its name and why). */
export function columnsToLogs(
  chunk: LogChunk,
): { ok: true; rows: Rows[] } | { ok: false; field: string; reason: string } {
  const { n, strings } = chunk;
  const columns: Record<string, (number | null)[]> = {};
  for (const name of LOG_COLUMNS) {
    const values = chunk.columns[name];
    if (!values) return { ok: false, field: `columns.${name}`, reason: 'is missing' };
    if (values.length !== n)
      return { ok: false, field: `columns.${name}`, reason: `has ${values.length} values for ${n} logs` };
    columns[name] = values;
  }
  const unknown = Object.keys(chunk.columns).find((name) => !LOG_COLUMNS.includes(name));
  if (unknown !== undefined)
    return { ok: false, field: `columns.${unknown}`, reason: 'is not a review log field' };
  for (const f of STRING_FIELDS) {
    const at = (columns[f] ?? []).findIndex(
      (i) => i === null || !Number.isInteger(i) || i < 0 || i >= strings.length,
    );
    if (at !== -1)
      return { ok: false, field: `columns.${f}`, reason: `value ${at + 1} is not an index into "strings"` };
  }
  const col = (name: string) => columns[name] as (number | null)[];
  const ids = STRING_FIELDS.map((f) => col(column(f)));
  const nums = NUMBER_FIELDS.map((f) => col(column(f)));
  const fsrsCols = FSRS_FIELDS.map((f) => col(fsrsColumn(f)));
  const flags = FLAG_FIELDS.map((f) => col(flagColumn(f)));
  const rows: Rows[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Rows = {};
    STRING_FIELDS.forEach((f, k) => {
      row[f] = strings[ids[k]?.[i] as number];
    });
    NUMBER_FIELDS.forEach((f, k) => {
      const v = nums[k]?.[i] ?? null;
      // A log without an id (one not stored yet) has no id field; any other null is kept for the row check.
      if (v !== null || f !== 'id') row[f] = v;
    });
    const fsrs: Rows = {};
    FSRS_FIELDS.forEach((f, k) => {
      fsrs[f] = fsrsCols[k]?.[i] ?? null;
    });
    const before: Rows = { fsrs };
    FLAG_FIELDS.forEach((f, k) => {
      const v = flags[k]?.[i];
      before[f] = v === 1 ? true : v === 0 ? false : v;
    });
    row.before = before;
    rows[i] = row;
  }
  return { ok: true, rows };
}
