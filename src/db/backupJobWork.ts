/** A backup job (backupJobs.ts) done here, on `db`: in the backup worker, or in the page where there is none. */
import type { BackupJob, BackupJobResult } from './backupJobs';
import type { CardinalDb } from './database';
import { putBackSnapshot, writeScheduledSnapshot, writeSnapshot } from './snapshotWork';
import type { Progress } from './transfer/backupRepo';
import { writeCompactBackup } from './transfer/compactBackup';

export async function doBackupJob(
  db: CardinalDb,
  job: BackupJob,
  onProgress?: Progress,
): Promise<BackupJobResult[BackupJob['type']]> {
  switch (job.type) {
    case 'export': {
      const { parts, counts } = await writeCompactBackup(db, job.exportedAt, {
        ...(job.deckIds ? { deckIds: job.deckIds } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      return { blob: new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/gzip' }), counts };
    }
    case 'snapshot':
      return writeSnapshot(db, job.reason, job.now);
    case 'scheduledSnapshot':
      return writeScheduledSnapshot(db, job.now, onProgress);
    case 'restoreSnapshot':
      return putBackSnapshot(db, job.id, job.now);
  }
}
