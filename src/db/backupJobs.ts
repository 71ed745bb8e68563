/**
 * Backup work that reads or writes every table (exporting a backup file, taking and restoring snapshots) runs
 * in a module Web Worker with its own database connection (db/backupWorker.ts), so a million review logs never
 * hold the page's main thread; where there is no Worker (jsdom in tests) the very same code runs in the page.
 * One worker per job, ended when the job is done.
 */
import type { CardinalDb } from './database';
import type { SnapshotInfo, SnapshotReason } from './snapshotStore';
import type { Progress, RestoreSummary } from './transfer/backupRepo';

export type BackupJob =
  | { type: 'export'; exportedAt: number; deckIds?: string[] }
  | { type: 'snapshot'; reason: SnapshotReason; now: number }
  /** The daily snapshot, which gives way to writes (null: stopped for a write, nothing stored). */
  | { type: 'scheduledSnapshot'; now: number }
  | { type: 'restoreSnapshot'; id: number; now: number };

export type BackupJobResult = {
  export: { blob: Blob; counts: Record<string, number> };
  snapshot: SnapshotInfo;
  scheduledSnapshot: SnapshotInfo | null;
  restoreSnapshot: RestoreSummary;
};

export type BackupJobRequest = { dbName: string; job: BackupJob };
export type BackupJobReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: BackupJobResult[BackupJob['type']] }
  | { type: 'error'; message: string };

/** Runs a job in a backup worker (or here, without Worker) and gives its result. */
export function runBackupJob<J extends BackupJob>(
  db: CardinalDb,
  job: J,
  onProgress?: Progress,
): Promise<BackupJobResult[J['type']]> {
  const worker = startWorker();
  if (!worker)
    // The work's code (zod, fflate, the backup format) is loaded only when it runs in the page.
    return import('./backupJobWork').then(
      ({ doBackupJob }) => doBackupJob(db, job, onProgress) as Promise<BackupJobResult[J['type']]>,
    );
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BackupJobReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.result as BackupJobResult[J['type']]);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'the backup worker stopped'));
    };
    const request: BackupJobRequest = { dbName: db.name, job };
    worker.postMessage(request);
  });
}

function startWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./backupWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}
