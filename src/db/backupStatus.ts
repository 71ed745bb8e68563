/**
 * When the user last exported a full backup (a file outside the browser). Snapshots kept inside the browser do
 * not count: clearing the site's data removes them too.
 */
import { z } from 'zod';
import type { CardinalDb } from './database';
import { getSetting, putSetting } from './settingsRepo';

export const LAST_BACKUP_KEY = 'backup:lastExportedAt';
const lastBackupSchema = z.number().int().nonnegative().nullable();

export function getLastBackupAt(db: CardinalDb): Promise<number | null> {
  return getSetting(db, LAST_BACKUP_KEY, lastBackupSchema, null);
}

export function noteBackupExported(db: CardinalDb, at: number): Promise<void> {
  return putSetting(db, LAST_BACKUP_KEY, at);
}

/** The last exported backup and when Cardinal was first installed here (the earliest deck's install time). */
export async function loadBackupInfo(
  db: CardinalDb,
): Promise<{ lastBackupAt: number | null; firstInstalledAt: number | null }> {
  const [lastBackupAt, decks] = await Promise.all([getLastBackupAt(db), db.decks.toArray()]);
  const installs = decks.map((d) => d.installedAt).filter((t) => Number.isFinite(t));
  return { lastBackupAt, firstInstalledAt: installs.length > 0 ? Math.min(...installs) : null };
}
