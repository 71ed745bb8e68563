/**
 * Automatic snapshots, as in Anki: full copies of the database kept in this browser (a separate IndexedDB
 * database, `cardinal-snapshots`, so a restore or a backup of `cardinal` never touches them). One is taken on a
 * schedule (at most one a day, when the app starts) and before every import, restore, bulk delete and database
 * repair; the newest KEEP are kept. A snapshot is written a page of rows at a time, each page its own small
 * transaction with a pause between them, so a large database does not freeze the page; it counts only once
 * its last page is stored. Media rows (images, sounds) are stored with their bytes as they are. Clearing the site's data removes snapshots too: they guard against mistakes, not
 * against losing the browser (that is what exported backups are for).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { countRows, type Rows, type ValidBackup } from '../domain/transfer/backup';
import type { CardinalDb } from './database';
import { exportBackup, type RestoreSummary, restoreBackup } from './transfer/backupRepo';

export const SNAPSHOT_DB_NAME = 'cardinal-snapshots';
/** How many complete snapshots are kept. */
export const KEEP_SNAPSHOTS = 5;
/** The scheduled snapshot is taken when the newest one is older than this. */
export const SNAPSHOT_EVERY_MS = 24 * 60 * 60 * 1000;
/** Rows stored per page (one small transaction each). */
const ROWS_PER_PAGE = 2000;
/** Media bytes (images, sounds) stored per page at most, but for one file larger than this. */
const PAGE_BYTES = 8 * 1024 * 1024;

export type SnapshotReason = 'scheduled' | 'import' | 'restore' | 'bulk delete' | 'repair' | 'manual';

export type SnapshotInfo = {
  id?: number;
  takenAt: number;
  reason: SnapshotReason;
  /** Rows per table. */
  counts: Record<string, number>;
  /** False while pages are still being written (or if writing stopped half-way: such a snapshot is dropped). */
  complete: boolean;
};

type SnapshotPage = { snapshotId: number; seq: number; table: string; rows: Rows[] };

type SnapshotDb = Dexie & {
  snapshots: EntityTable<SnapshotInfo, 'id'>;
  pages: Table<SnapshotPage, [number, number]>;
};

const opened = new Map<string, SnapshotDb>();

/** The snapshot store that goes with `db` (its name + "-snapshots"), opened once. */
export function snapshotStore(db: CardinalDb): SnapshotDb {
  const name = `${db.name}-snapshots`;
  let store = opened.get(name);
  if (!store) {
    store = new Dexie(name) as SnapshotDb;
    store.version(1).stores({ snapshots: '++id, takenAt', pages: '[snapshotId+seq], snapshotId' });
    opened.set(name, store);
  }
  return store;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Takes a snapshot of every table now, then drops all but the newest KEEP_SNAPSHOTS. Returns its summary.
 */
export async function takeSnapshot(
  db: CardinalDb,
  reason: SnapshotReason,
  now: number,
): Promise<SnapshotInfo> {
  const store = snapshotStore(db);
  const backup = await exportBackup(db, now);
  const info: SnapshotInfo = { takenAt: now, reason, counts: countRows(backup), complete: false };
  const snapshotId = await store.snapshots.add(info);
  if (snapshotId === undefined) throw new Error('The snapshot could not be stored');
  let seq = 0;
  for (const [table, rows] of Object.entries(backup.tables)) {
    for (const page of pagesOf(rows as Rows[])) {
      await store.pages.add({ snapshotId, seq, table, rows: page });
      seq += 1;
      await pause();
    }
  }
  await store.snapshots.update(snapshotId, { complete: true });
  await prune(store);
  return { ...info, id: snapshotId, complete: true };
}

/**
 * A table's rows in pages of ROWS_PER_PAGE rows or PAGE_BYTES of media bytes, whichever comes first (one page,
 * empty, for an empty table: the table is then still restored as empty).
 */
function* pagesOf(rows: Rows[]): Generator<Rows[]> {
  let page: Rows[] = [];
  let bytes = 0;
  for (const row of rows) {
    page.push(row);
    const data = row.bytes;
    if (ArrayBuffer.isView(data)) bytes += data.byteLength;
    if (page.length >= ROWS_PER_PAGE || bytes >= PAGE_BYTES) {
      yield page;
      page = [];
      bytes = 0;
    }
  }
  if (page.length > 0 || rows.length === 0) yield page;
}

/** Drops snapshots left half-written and all but the newest KEEP_SNAPSHOTS complete ones. */
async function prune(store: SnapshotDb) {
  const all = await store.snapshots.orderBy('takenAt').reverse().toArray();
  const complete = all.filter((s) => s.complete);
  const keep = new Set(complete.slice(0, KEEP_SNAPSHOTS).map((s) => s.id));
  const drop = all.filter((s) => !keep.has(s.id)).flatMap((s) => (s.id === undefined ? [] : [s.id]));
  for (const id of drop)
    await store.transaction('rw', store.snapshots, store.pages, async () => {
      await store.pages.where('snapshotId').equals(id).delete();
      await store.snapshots.delete(id);
    });
}

/** Complete snapshots, newest first (summaries only: no rows are read). */
export async function listSnapshots(db: CardinalDb): Promise<SnapshotInfo[]> {
  const all = await snapshotStore(db).snapshots.orderBy('takenAt').reverse().toArray();
  return all.filter((s) => s.complete);
}

/** Takes the scheduled snapshot when the newest one is a day old or more (or there is none). */
export async function takeScheduledSnapshot(db: CardinalDb, now: number): Promise<SnapshotInfo | null> {
  const newest = (await listSnapshots(db))[0];
  if (newest && now - newest.takenAt < SNAPSHOT_EVERY_MS) return null;
  return takeSnapshot(db, 'scheduled', now);
}

/** A stored snapshot as a backup, page by page; null if it is missing or incomplete. */
export async function readSnapshot(db: CardinalDb, id: number): Promise<ValidBackup | null> {
  const store = snapshotStore(db);
  const info = await store.snapshots.get(id);
  if (!info?.complete) return null;
  const tables: Record<string, Rows[]> = {};
  await store.pages
    .where('[snapshotId+seq]')
    .between([id, -Infinity], [id, Infinity])
    .each((page) => {
      const rows = tables[page.table] ?? [];
      for (const row of page.rows) rows.push(row);
      tables[page.table] = rows;
    });
  return { format: 'cardinal-backup', formatVersion: 1, exportedAt: info.takenAt, tables };
}

/**
 * Puts the database back as it was when snapshot `id` was taken (replacing everything, in one transaction).
 * The current data is snapshotted first, so a restore can itself be undone.
 */
export async function restoreSnapshot(db: CardinalDb, id: number, now: number): Promise<RestoreSummary> {
  const backup = await readSnapshot(db, id);
  if (!backup) throw new Error('This snapshot is no longer stored.');
  await takeSnapshot(db, 'restore', now);
  return restoreBackup(db, backup, 'replace');
}
