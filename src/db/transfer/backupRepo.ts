/**
 * Full backup and restore, generic over db.tables so a table added in a later schema version is included.
 * Restore writes in ONE transaction over every table: replace clears them all first; merge puts the file's rows
 * by primary key (the file's copy wins), and adds rows of auto-numbered tables (review logs) that are not
 * already stored, so merging the same backup twice adds nothing.
 */
import {
  type Backup,
  buildBackup,
  type Rows,
  type TableKey,
  type ValidBackup,
} from '../../domain/transfer/backup';
import type { CardinalDb } from '../database';

export type Progress = (done: number, total: number) => void;
export type RestoreMode = 'replace' | 'merge';

const CHUNK = 1000;

export function tableKeys(db: CardinalDb): Record<string, TableKey> {
  return Object.fromEntries(
    db.tables.map((t) => [
      t.name,
      {
        keyPath: (t.schema.primKey.keyPath ?? null) as string | string[] | null,
        auto: t.schema.primKey.auto === true,
      },
    ]),
  );
}

/** Rows read per request: each page is its own IndexedDB request, so the page can paint between them. */
const READ_PAGE = 5000;

/** A table's rows in primary-key order, a page at a time (inside the caller's transaction). */
async function readInPages(
  table: CardinalDb['tables'][number],
  onPage: (rows: number) => void,
): Promise<Rows[]> {
  const keyPath = table.schema.primKey.keyPath;
  const keyOf = (row: Rows): unknown =>
    Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath ?? ''];
  const rows: Rows[] = [];
  let page = (await table.orderBy(':id').limit(READ_PAGE).toArray()) as Rows[];
  while (page.length > 0) {
    for (const row of page) rows.push(row);
    onPage(rows.length);
    const last = page[page.length - 1];
    if (page.length < READ_PAGE || last === undefined) break;
    page = (await table
      .where(':id')
      .above(keyOf(last) as never) // a key of this table's own shape (string, number or compound array)
      .limit(READ_PAGE)
      .toArray()) as Rows[];
  }
  return rows;
}

/** Every row of every table (or only the rows of `deckIds`), read in one transaction, a page at a time. */
export async function exportBackup(
  db: CardinalDb,
  exportedAt: number,
  options: { deckIds?: string[]; onProgress?: Progress } = {},
): Promise<Backup> {
  const { deckIds, onProgress } = options;
  return db.transaction('r', db.tables, async () => {
    const tables: Record<string, unknown[]> = {};
    const counts = await Promise.all(db.tables.map((table) => table.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    for (const table of db.tables) {
      const rows = await readInPages(table, (read) => onProgress?.(done + read, total));
      tables[table.name] = deckIds ? rows.filter((row) => belongsTo(table.name, row, deckIds)) : rows;
      done += rows.length;
      onProgress?.(done, total);
    }
    return buildBackup(tables, exportedAt, deckIds);
  });
}

function belongsTo(table: string, row: Rows, deckIds: readonly string[]): boolean {
  if (table === 'decks') return deckIds.includes(String(row.id));
  if (table === 'settings') return deckIds.some((id) => String(row.key).endsWith(`:${id}`));
  return typeof row.deckId === 'string' && deckIds.includes(row.deckId);
}

export type RestoreSummary = Record<string, { written: number; alreadyStored: number }>;

export async function restoreBackup(
  db: CardinalDb,
  backup: ValidBackup,
  mode: RestoreMode,
  onProgress?: Progress,
): Promise<RestoreSummary> {
  if (mode === 'replace' && backup.deckIds)
    throw new Error('This file holds only some decks: it can be merged, not used to replace everything.');
  const keys = tableKeys(db);
  const total = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
  return db.transaction('rw', db.tables, async () => {
    const summary: RestoreSummary = {};
    let done = 0;
    if (mode === 'replace') for (const table of db.tables) await table.clear();
    for (const table of db.tables) {
      const rows = backup.tables[table.name] ?? [];
      const key = keys[table.name];
      let fresh = rows;
      if (mode === 'merge' && key?.auto) fresh = notYetStored(rows, (await table.toArray()) as Rows[], key);
      summary[table.name] = { written: fresh.length, alreadyStored: rows.length - fresh.length };
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const chunk = fresh.slice(i, i + CHUNK);
        if (mode === 'replace') await table.bulkAdd(chunk);
        else if (key?.auto) await table.bulkAdd(chunk.map((row) => withoutKey(row, key)));
        else await table.bulkPut(chunk);
        onProgress?.(done + Math.min(i + CHUNK, fresh.length), total);
      }
      done += rows.length;
      onProgress?.(done, total);
    }
    if (mode === 'merge')
      await recountCards(
        db,
        (backup.tables.decks ?? []).map((d) => String(d.id)),
      );
    return summary;
  });
}

function withoutKey(row: Rows, key: TableKey): Rows {
  if (typeof key.keyPath !== 'string') return row;
  const { [key.keyPath]: _id, ...rest } = row;
  return rest;
}

/** Rows of an auto-numbered table whose content (everything but the number) is not stored yet. */
function notYetStored(rows: Rows[], stored: Rows[], key: TableKey): Rows[] {
  const have = new Set(stored.map((row) => canonical(withoutKey(row, key))));
  return rows.filter((row) => {
    const content = canonical(withoutKey(row, key));
    if (have.has(content)) return false;
    have.add(content);
    return true;
  });
}

/** JSON with object keys sorted, so the same content compares equal whatever order its fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Rows).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** After a merge a deck may hold cards from both sides: its card count is recounted from its live cards. */
async function recountCards(db: CardinalDb, deckIds: string[]) {
  for (const deckId of deckIds) {
    const deck = await db.decks.get(deckId);
    if (!deck) continue;
    const cardCount = await db.cards
      .where('deckId')
      .equals(deckId)
      .filter((c) => !c.retired)
      .count();
    if (cardCount !== deck.cardCount) await db.decks.put({ ...deck, cardCount });
  }
}
