/**
 * The backup worker (see backupJobs.ts): does one backup job on its own connection to the app's database (for
 * big writes, bulkDb.ts), posting progress and then the result. After a restore it tells every context's live
 * queries that anything may have changed.
 */
import '../domain/zodConfig';
import type { BackupJobReply, BackupJobRequest } from './backupJobs';
import { doBackupJob } from './backupJobWork';
import { announceEverythingChanged, openBulkDb } from './bulkDb';

// The project's TypeScript lib is the DOM's, not the WebWorker's: this is the part of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BackupJobRequest>) => void) | null;
  postMessage: (reply: BackupJobReply) => void;
};

/** Progress is posted at most this often (ms), so the page is not flooded with messages. */
const PROGRESS_EVERY = 100;

scope.onmessage = (event) => {
  const { dbName, job } = event.data;
  let last = 0;
  const db = openBulkDb(dbName);
  doBackupJob(db, job, (done, total) => {
    const at = performance.now();
    if (at - last < PROGRESS_EVERY && done < total) return;
    last = at;
    scope.postMessage({ type: 'progress', done, total });
  })
    .then((result) => {
      if (job.type === 'restoreSnapshot') announceEverythingChanged();
      scope.postMessage({ type: 'done', result });
    })
    .catch((e: unknown) =>
      scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
    )
    .finally(() => db.close());
};
