import { noteBackupExported } from '../db/backupStatus';
import type { CardinalDb } from '../db/database';
import { exportBackup } from '../db/transfer/backupRepo';
import { backupJsonBlobs } from '../features/transfer/backupJson';
import { dateStamp, saveFile } from '../features/transfer/saveFile';
import { now } from '../stores/clock';

/** A full backup as a download, from anywhere in the app (error pages, the backup reminder). */
export async function exportBackupNow(db: CardinalDb): Promise<string> {
  const at = now();
  const backup = await exportBackup(db, at);
  const name = `cardinal-backup-${dateStamp(at)}.json`;
  saveFile(name, await backupJsonBlobs(backup), 'application/json');
  await noteBackupExported(db, at);
  return name;
}
