/**
 * Automatic snapshots, as in Anki: full copies of the database kept in this browser (a separate IndexedDB
 * database, `cardinal-snapshots`, so a restore or a backup of `cardinal` never touches them). One is taken on a
 * schedule (at most one a day, at a quiet moment after the app starts, giving way to any write) and before every
 * import, restore, bulk delete and database repair; the newest KEEP_SNAPSHOTS are kept. Taking and restoring one
 * runs in the backup worker (backupJobs.ts), so a large database never freezes the page; a snapshot is the compact
 * backup format, compressed, stored in one transaction (snapshotStore.ts). Media rows (images, sounds) are kept with their bytes. Clearing the site's data
 * removes snapshots too: they guard against mistakes, not against losing the browser (that is what exported
 * backups are for).
 */
import { runBackupJob } from './backupJobs';
import type { CardinalDb } from './database';
import { type SnapshotInfo, type SnapshotReason, snapshotStore } from './snapshotStore';
import type { RestoreSummary } from './transfer/backupRepo';
import { listenForWrites } from './writeSignal';

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

/** The daily snapshot starts once nothing has been written for this long (ms), anywhere in the app. */
export const QUIET_MS = 5_000;
/** After each stop for a write, the quiet spell it waits for doubles, up to this (ms). */
export const MAX_QUIET_MS = 5 * 60_000;

export type DailySnapshot = {
  /** The snapshot taken; null when none was due, or it was cancelled or failed. */
  done: Promise<SnapshotInfo | null>;
  cancel: () => void;
};

/**
 * Takes the daily snapshot (when the newest one is a day old or more, or there is none) at a quiet moment: once no
 * tab or worker of the app has started a write for `quietMs`. It gives way to writes: a write started while it
 * reads stops it (writeSignal.ts), and it waits for a quiet spell twice as long before trying again (up to
 * MAX_QUIET_MS), so a review session is never held up by it and the worker does not keep starting snapshots that
 * the next answer stops. It is only ever a safety copy taken in passing: if the app closes first, the next start
 * tries again.
 */
export function keepDailySnapshot(
  db: CardinalDb,
  options: {
    now: () => number;
    quietMs?: number;
    maxQuietMs?: number;
    /** Takes the snapshot, or returns null if a write stopped it (by default the backup worker's job). */
    take?: (now: number) => Promise<SnapshotInfo | null>;
  },
): DailySnapshot {
  const { now, maxQuietMs = MAX_QUIET_MS } = options;
  const take = options.take ?? ((at: number) => runBackupJob(db, { type: 'scheduledSnapshot', now: at }));
  let quiet = options.quietMs ?? QUIET_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state: 'waiting' | 'taking' | 'over' = 'waiting';
  let resolveDone: (info: SnapshotInfo | null) => void = () => {};
  const done = new Promise<SnapshotInfo | null>((resolve) => {
    resolveDone = resolve;
  });
  /** (Re)starts the quiet spell: every write seen while waiting starts it again. */
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void attempt(), quiet);
  };
  const stopListening = listenForWrites(db.name, () => {
    if (state === 'waiting') wait();
  });
  const finish = (info: SnapshotInfo | null) => {
    state = 'over';
    clearTimeout(timer);
    stopListening();
    resolveDone(info);
  };
  const attempt = async () => {
    if (state !== 'waiting') return;
    state = 'taking';
    try {
      const newest = (await listSnapshots(db))[0];
      const taken = newest && now() - newest.takenAt < SNAPSHOT_EVERY_MS ? undefined : await take(now());
      if (taken !== null || state !== 'taking') return finish(taken ?? null);
      // Stopped for a write: wait for a longer quiet spell.
      quiet = Math.min(quiet * 2, maxQuietMs);
      state = 'waiting';
      wait();
    } catch (error) {
      console.warn('The daily snapshot could not be taken:', error);
      finish(null);
    }
  };
  wait();
  return { done, cancel: () => finish(null) };
}

/**
 * Puts the database back as it was when snapshot `id` was taken (replacing everything, in one transaction, off
 * the page). The current data is snapshotted first, so a restore can itself be undone.
 */
export function restoreSnapshot(db: CardinalDb, id: number, now: number): Promise<RestoreSummary> {
  return runBackupJob(db, { type: 'restoreSnapshot', id, now });
}
