/**
 * Full backup and restore, generic over db.tables so a table added in a later schema version is included (media
 * too: its rows keep their bytes here; the backup file holds them as base64, see domain/transfer/backupMedia.ts).
 * Restore writes in ONE transaction over every table (see restoreBackup).
 */

import type { CardStateRecord, ReviewLogRecord } from '../../domain/records';
import {
  type Backup,
  buildBackup,
  type Rows,
  type TableKey,
  type ValidBackup,
} from '../../domain/transfer/backup';
import { MEDIA_TABLE } from '../../domain/transfer/backupMedia';
import { answerIdentity, fileStateWins } from '../../domain/transfer/mergeRestore';
import { type CardinalDb, storedTables } from '../database';
import { inKeyOrder } from './keyOrder';

export type Progress = (done: number, total: number) => void;
export type RestoreMode = 'replace' | 'merge';

export function tableKeys(db: CardinalDb): Record<string, TableKey> {
  return Object.fromEntries(
    storedTables(db).map((t) => [
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
/** Media rows (images, sounds: up to MAX_MEDIA_FILE_BYTES each) read per request. */
const MEDIA_READ_PAGE = 20;

/** A table's rows in primary-key order, a page at a time (inside the caller's transaction). */
async function readInPages(
  table: CardinalDb['tables'][number],
  onPage: (rows: number) => void,
): Promise<Rows[]> {
  const rows: Rows[] = [];
  await forEachPage(table, pageSize(table.name), (page) => {
    for (const row of page) rows.push(row);
    onPage(rows.length);
  });
  return rows;
}

/** Rows read per request for `table`. */
export function pageSize(table: string): number {
  return table === MEDIA_TABLE ? MEDIA_READ_PAGE : READ_PAGE;
}

/** Calls `onPage` with each page of `size` rows of the table, in primary-key order (in the caller's transaction). */
export async function forEachPage(
  table: CardinalDb['tables'][number],
  size: number,
  onPage: (rows: Rows[]) => void,
): Promise<void> {
  const keyPath = table.schema.primKey.keyPath;
  const keyOf = (row: Rows): unknown =>
    Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath ?? ''];
  let page = (await table.orderBy(':id').limit(size).toArray()) as Rows[];
  while (page.length > 0) {
    onPage(page);
    const last = page[page.length - 1];
    if (page.length < size || last === undefined) break;
    page = (await table
      .where(':id')
      .above(keyOf(last) as never) // a key of this table's own shape (string, number or compound array)
      .limit(size)
      .toArray()) as Rows[];
  }
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
    const stored = storedTables(db);
    const counts = await Promise.all(stored.map((table) => table.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    for (const table of stored) {
      const rows = await readInPages(table, (read) => onProgress?.(done + read, total));
      tables[table.name] = deckIds ? rows.filter((row) => belongsTo(table.name, row, deckIds)) : rows;
      done += rows.length;
      onProgress?.(done, total);
    }
    return buildBackup(tables, exportedAt, deckIds);
  });
}

/** Whether a row of `table` belongs to one of `deckIds` (for a backup of some decks). */
export function belongsTo(table: string, row: Rows, deckIds: readonly string[]): boolean {
  if (table === 'decks') return deckIds.includes(String(row.id));
  if (table === 'settings') return deckIds.some((id) => String(row.key).endsWith(`:${id}`));
  return typeof row.deckId === 'string' && deckIds.includes(row.deckId);
}

export type RestoreSummary = Record<string, { written: number; alreadyStored: number }>;

/**
 * Writes a backup in ONE transaction over every table. Replace: every table is cleared, then the file's rows
 * added. Merge: per review item the state with the later last review is kept (mergeRestore.ts), review logs are
 * the union (an answer already stored is not added again), other rows are put by primary key (the file's copy
 * wins). Rows are written a chunk at a time, a few chunks in flight (inFlight), with progress; nothing is read
 * that the merge does not compare.
 */
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
    // Clearing every table includes the derived ones; writing the cards rebuilds the exam index (db/examIndex.ts).
    if (mode === 'replace') await Promise.all(db.tables.map((table) => table.clear()));
    // Every table's rows are planned first (a merge reads what it compares), then written as one stream of chunks.
    const writes: (() => Promise<unknown>)[] = [];
    for (const table of storedTables(db)) {
      const rows = backup.tables[table.name] ?? [];
      const key = keys[table.name];
      let fresh = rows;
      if (mode === 'merge' && table.name === 'cardStates') fresh = await newerStates(db, rows);
      else if (mode === 'merge' && table.name === 'reviewLogs') fresh = await answersNotStored(db, rows);
      else if (mode === 'merge' && key?.auto)
        fresh = notYetStored(rows, (await table.toArray()) as Rows[], key);
      summary[table.name] = { written: fresh.length, alreadyStored: rows.length - fresh.length };
      done += rows.length - fresh.length;
      if (key?.keyPath && (mode === 'replace' || !key.auto)) fresh = inKeyOrder(fresh, key.keyPath) as Rows[];
      const write = (chunk: Rows[]) => {
        if (mode === 'replace') return table.bulkAdd(chunk);
        if (key?.auto) return table.bulkAdd(chunk.map((row) => withoutKey(row, key)));
        return table.bulkPut(chunk);
      };
      const chunkSize = table.name === MEDIA_TABLE ? MEDIA_READ_PAGE : WRITE_CHUNK;
      for (let i = 0; i < fresh.length; i += chunkSize) {
        const chunk = fresh.slice(i, i + chunkSize);
        writes.push(() =>
          write(chunk).then(() => {
            done += chunk.length;
            onProgress?.(done, total);
          }),
        );
      }
    }
    onProgress?.(done, total);
    await inFlight(writes, WRITES_IN_FLIGHT);
    if (mode === 'merge')
      await recountCards(
        db,
        (backup.tables.decks ?? []).map((d) => String(d.id)),
      );
    return summary;
  });
}

/** Rows written per request: big enough to keep IndexedDB busy, small enough for progress to move. */
const WRITE_CHUNK = 10_000;
/**
 * Chunks issued ahead: the next is issued while the ones before it are written, so IndexedDB never waits for the
 * worker to hand it over (IndexedDB runs a transaction's requests in the order issued, so auto-numbered rows keep
 * their order), and never more, so a million rows are not a million requests pending at once.
 */
const WRITES_IN_FLIGHT = 3;

/** Starts `writes` in order, each as soon as fewer than `depth` are running; resolves when all are done. */
async function inFlight(writes: readonly (() => Promise<unknown>)[], depth: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < writes.length) {
      const write = writes[next++];
      if (write) await write();
    }
  };
  await Promise.all(Array.from({ length: Math.min(depth, writes.length) }, lane));
}

/** The file's item states that are not stored or have a later last review than the stored state. */
async function newerStates(db: CardinalDb, rows: Rows[]): Promise<Rows[]> {
  const states = rows as unknown as CardStateRecord[]; // validated by rowSchemas.cardStates when read
  const out: Rows[] = [];
  for (let i = 0; i < states.length; i += WRITE_CHUNK) {
    const chunk = states.slice(i, i + WRITE_CHUNK);
    const stored = await db.cardStates.bulkGet(chunk.map((s) => [s.deckId, s.itemId] as [string, string]));
    chunk.forEach((state, j) => {
      if (fileStateWins(stored[j], state)) out.push(state as unknown as Rows);
    });
  }
  return out;
}

/** The file's review logs whose answer is not stored yet (read per deck of the file, by index). */
async function answersNotStored(db: CardinalDb, rows: Rows[]): Promise<Rows[]> {
  const logs = rows as unknown as ReviewLogRecord[]; // validated by rowSchemas.reviewLogs when read
  const deckIds = [...new Set(logs.map((log) => log.deckId))];
  const have = new Set<string>();
  for (const deckId of deckIds) {
    const stored = await db.reviewLogs
      .where('[deckId+review]')
      .between([deckId, -Infinity], [deckId, Infinity], true, true)
      .toArray();
    for (const log of stored) have.add(answerIdentity(log));
  }
  return logs.filter((log) => {
    const identity = answerIdentity(log);
    if (have.has(identity)) return false;
    have.add(identity);
    return true;
  }) as unknown as Rows[];
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
