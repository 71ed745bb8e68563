/**
 * Rows in their primary key's order before a big write. IndexedDB (LevelDB in Chromium) writes keys that arrive in
 * order faster than keys in random order, and a file's rows are often not in key order: a CSV card's id is a hash
 * of its text, and card ids like c2 and c10 sort as strings. Rows already in order (a backup exported by Cardinal)
 * are returned as they are after one pass, and so are rows with a key missing (auto-numbered rows to be numbered).
 */
import { cmp } from 'dexie';

/** `rows` sorted by the key at `keyPath` (IndexedDB's order, compound keys too); the same array when already sorted. */
export function inKeyOrder<T extends object>(
  rows: readonly T[],
  keyPath: string | readonly string[],
): readonly T[] {
  const keyOf = (row: T): unknown => {
    const r = row as Record<string, unknown>;
    return typeof keyPath === 'string' ? r[keyPath] : keyPath.map((path) => r[path]);
  };
  const keys = rows.map(keyOf);
  const missing = (key: unknown) => key === undefined || (Array.isArray(key) && key.includes(undefined));
  if (keys.some(missing)) return rows;
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = cmp(keys[i - 1], keys[i]) <= 0;
  if (sorted) return rows;
  const order = keys.map((_, i) => i).sort((a, b) => cmp(keys[a], keys[b]));
  return order.map((i) => rows[i] as T);
}
