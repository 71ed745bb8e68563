import { useLocation } from 'react-router';
import { loadBackupInfo } from '../db/backupStatus';
import { useDbQuery } from '../db/react';
import { backupReminderDue, useStorageStatus } from '../features/storage/useStorageStatus';
import { now } from '../stores/clock';
import { ExportBackupButton } from './ExportBackupButton';

/**
 * A quiet reminder on the home and settings pages (never during a review or an exam): when the browser may clear
 * Cardinal's storage and no backup has been exported for a week.
 */
export function BackupReminder() {
  const { pathname } = useLocation();
  const { status } = useStorageStatus();
  const info = useDbQuery(loadBackupInfo, []);
  if (pathname !== '/' && pathname !== '/settings') return null;
  if (!info || !backupReminderDue(status?.persisted, info.lastBackupAt, info.firstInstalledAt, now()))
    return null;
  return (
    <aside className="backup-reminder" aria-label="Backup reminder">
      <p>
        {info.lastBackupAt === null
          ? 'You have not exported a backup yet,'
          : `Your last backup is ${Math.floor((now() - info.lastBackupAt) / 86_400_000)} days old,`}{' '}
        and this browser may clear its storage when space runs low.
      </p>
      <ExportBackupButton />
    </aside>
  );
}
