/**
 * Automatic snapshots, as in Anki: full copies of the database kept in this browser (a separate IndexedDB
 * database, `cardinal-snapshots`, so a restore or a backup of `cardinal` never touches them). One is taken on a
 * schedule (at most one a day, when the app starts) and before every import, restore, bulk delete and database
 * repair; the newest KEEP_SNAPSHOTS are kept. Taking and restoring one runs in the backup worker (backupJobs.ts),
 * so a large database never freezes the page; a snapshot is the compact backup format, compressed, stored in one
 * transaction (snapshotStore.ts). Media rows (images, sounds) are kept with their bytes. Clearing the site's data
 * removes snapshots too: they guard against mistakes, not against losing the browser (that is what exported
 * backups are for).
 */
import { runBackupJob } from './backupJobs';
import type { CardinalDb } from './database';
import { type SnapshotInfo, type SnapshotReason, snapshotStore } from './snapshotStore';
import type { RestoreSummary } from './transfer/backupRepo';

export {
  KEEP_SNAPSHOTS,
  type SnapshotInfo,
  type SnapshotReason,
  snapshotStore,
} from './snapshotStore';

/** The scheduled snapshot is taken when the newest one is older than this. */
export const SNAPSHOT_EVERY_MS = 24 * 60 * 60 * 1000;

/** Takes a snapshot of every table now (off the page), then drops all but the newest kept. Returns its summary. */
export function takeSnapshot(db: CardinalDb, reason: SnapshotReason, now: number): Promise<SnapshotInfo> {
  return runBackupJob(db, { type: 'snapshot', reason, now });
}

/** Complete snapshots, newest first (summaries only: no pages are read). */
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

/**
 * Puts the database back as it was when snapshot `id` was taken (replacing everything, in one transaction, off
 * the page). The current data is snapshotted first, so a restore can itself be undone.
 */
export function restoreSnapshot(db: CardinalDb, id: number, now: number): Promise<RestoreSummary> {
  return runBackupJob(db, { type: 'restoreSnapshot', id, now });
}
