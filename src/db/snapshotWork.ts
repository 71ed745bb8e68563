/**
 * The work behind snapshots (db/snapshots.ts), done where it is called: in the backup worker (db/backupWorker.ts)
 * in the browser, in the page where there is no Worker. A snapshot is the compact backup (formatVersion 2,
 * gzip, domain/transfer/backupLines.ts) of every table, its compressed bytes stored as pages (snapshotStore.ts) in
 * ONE transaction with its summary, so a snapshot is stored whole or not at all. Snapshots from before the
 * compact format hold their rows as they are (`rows` pages): they are still read.
 */
import type { Rows, ValidBackup } from '../domain/transfer/backup';
import { readCompactBackup } from '../domain/transfer/backupLines';
import { MAX_BACKUP_TEXT_BYTES } from '../domain/transfer/limits';
import type { CardinalDb } from './database';
import {
  KEEP_SNAPSHOTS,
  type SnapshotDb,
  type SnapshotInfo,
  type SnapshotReason,
  snapshotStore,
} from './snapshotStore';
import { type Progress, type RestoreSummary, restoreBackup, tableKeys } from './transfer/backupRepo';
import { StoppedForWrite, writeCompactBackup } from './transfer/compactBackup';

/** Takes a snapshot of every table now, then drops all but the newest KEEP_SNAPSHOTS. Returns its summary. */
export async function writeSnapshot(
  db: CardinalDb,
  reason: SnapshotReason,
  now: number,
): Promise<SnapshotInfo> {
  const { parts, counts } = await writeCompactBackup(db, now);
  return storeSnapshot(db, reason, now, parts, counts);
}

/**
 * The scheduled snapshot: as writeSnapshot, but it gives way to writes. If any tab or worker starts a write while
 * it reads (writeSignal.ts), it stops at once, stores nothing and returns null (snapshots.ts tries again later).
 */
export async function writeScheduledSnapshot(
  db: CardinalDb,
  now: number,
  onProgress?: Progress,
): Promise<SnapshotInfo | null> {
  try {
    const { parts, counts } = await writeCompactBackup(db, now, {
      stopOnWrite: true,
      ...(onProgress ? { onProgress } : {}),
    });
    return await storeSnapshot(db, 'scheduled', now, parts, counts);
  } catch (error) {
    if (error instanceof StoppedForWrite) return null;
    throw error;
  }
}

async function storeSnapshot(
  db: CardinalDb,
  reason: SnapshotReason,
  now: number,
  parts: Uint8Array[],
  counts: Record<string, number>,
): Promise<SnapshotInfo> {
  const store = snapshotStore(db);
  const info: SnapshotInfo = { takenAt: now, reason, counts, complete: true };
  const id = await store.transaction('rw', store.snapshots, store.pages, async () => {
    const snapshotId = await store.snapshots.add(info);
    if (snapshotId === undefined) throw new Error('The snapshot could not be stored');
    await store.pages.bulkAdd(parts.map((bytes, seq) => ({ snapshotId, seq, bytes })));
    return snapshotId;
  });
  await prune(store);
  return { ...info, id };
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

/** A stored snapshot as a backup; null if it is missing or incomplete. */
export async function readSnapshot(db: CardinalDb, id: number): Promise<ValidBackup | null> {
  const store = snapshotStore(db);
  const info = await store.snapshots.get(id);
  if (!info?.complete) return null;
  const pages = await store.pages
    .where('[snapshotId+seq]')
    .between([id, -Infinity], [id, Infinity])
    .toArray();
  const compressed = pages.flatMap((page) => ('bytes' in page ? [page.bytes] : []));
  if (compressed.length > 0) {
    const read = await readCompactBackup('snapshot', compressed, tableKeys(db), MAX_BACKUP_TEXT_BYTES);
    if (!read.ok) throw new Error(`This snapshot cannot be read: ${read.problems[0]?.reason ?? ''}`);
    return read.backup;
  }
  const tables: Record<string, Rows[]> = {};
  for (const page of pages) {
    if (!('rows' in page)) continue;
    const rows = tables[page.table] ?? [];
    for (const row of page.rows) rows.push(row);
    tables[page.table] = rows;
  }
  return { format: 'cardinal-backup', formatVersion: 1, exportedAt: info.takenAt, tables };
}

/**
 * Puts the database back as it was when snapshot `id` was taken (replacing everything, in one transaction).
 * The current data is snapshotted first, so a restore can itself be undone.
 */
export async function putBackSnapshot(db: CardinalDb, id: number, now: number): Promise<RestoreSummary> {
  const backup = await readSnapshot(db, id);
  if (!backup) throw new Error('This snapshot is no longer stored.');
  await writeSnapshot(db, 'restore', now);
  return restoreBackup(db, backup, 'replace');
}
