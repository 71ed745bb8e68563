import { runBackupJob } from '../db/backupJobs';
import { noteBackupExported } from '../db/backupStatus';
import type { CardinalDb } from '../db/database';
import { dateStamp, saveFile } from '../features/transfer/saveFile';
import { now } from '../stores/clock';

/** A full backup as a download, from anywhere in the app (error pages, the backup reminder); made off the page. */
export async function exportBackupNow(db: CardinalDb): Promise<string> {
  const at = now();
  const { blob } = await runBackupJob(db, { type: 'export', exportedAt: at });
  const name = `cardinal-backup-${dateStamp(at)}.json.gz`;
  saveFile(name, [blob], 'application/gzip');
  await noteBackupExported(db, at);
  return name;
}
