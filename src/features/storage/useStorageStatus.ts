import { useCallback, useEffect, useState } from 'react';
import { readStorageStatus, type StorageStatus } from '../../db/storageStatus';

/** The browser's storage status (persistent? space used?), read on mount and on `refresh()`. */
export function useStorageStatus(): { status: StorageStatus | undefined; refresh: () => void } {
  const [status, setStatus] = useState<StorageStatus | undefined>(undefined);
  const refresh = useCallback(() => {
    readStorageStatus().then(setStatus, () =>
      setStatus({ persisted: null, usageBytes: null, quotaBytes: null }),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return { status, refresh };
}

/** Whether a quiet "export a backup" reminder is due: storage not persistent and no backup for 7 days. */
export const REMIND_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export function backupReminderDue(
  persisted: boolean | null | undefined,
  lastBackupAt: number | null,
  firstInstalledAt: number | null,
  now: number,
): boolean {
  if (persisted !== false) return false;
  const since = lastBackupAt ?? firstInstalledAt;
  return since !== null && now - since > REMIND_AFTER_MS;
}
