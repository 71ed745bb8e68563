/**
 * Whether the browser keeps Cardinal's storage (navigator.storage.persist) and how much space it uses. Without
 * persistence the browser may clear the site's data under storage pressure; with it, only the user can.
 */
import { z } from 'zod';
import type { CardinalDb } from './database';
import { getSetting, putSetting } from './settingsRepo';

export type StorageStatus = {
  /** null when the browser cannot say (no StorageManager). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
};

const PERSIST_ASKED_KEY = 'storage:persistAskedAt';

function manager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = manager();
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted() : Promise.resolve(null),
    storage?.estimate ? storage.estimate() : Promise.resolve(null),
  ]);
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

/** Asks the browser to keep the site's data; resolves to whether it now does (null if it cannot say). */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = manager();
  if (!storage?.persist) return null;
  return storage.persist();
}

/**
 * Asks once, after the first review session (later requests are the user's, from Settings → Storage): a browser
 * that prompts should not prompt again every session.
 */
export async function requestPersistenceOnce(db: CardinalDb, now: number): Promise<boolean | null> {
  const asked = await getSetting(db, PERSIST_ASKED_KEY, z.number().nullable(), null);
  if (asked !== null) return null;
  await putSetting(db, PERSIST_ASKED_KEY, now);
  return requestPersistence();
}
