import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStorageStatus, requestPersistenceOnce } from '../../src/db/storageStatus';
import { freshDb, T0 } from '../helpers/builders';

function fakeStorage(granted: boolean) {
  const storage = {
    persist: vi.fn(async () => granted),
    persisted: vi.fn(async () => false),
    estimate: vi.fn(async () => ({ usage: 1_234_567, quota: 10_000_000_000 })),
  };
  vi.stubGlobal('navigator', { ...navigator, storage });
  return storage;
}

afterEach(() => vi.unstubAllGlobals());

describe('durable storage', () => {
  it('asks the browser to keep the data once, after the first review session, never again', async () => {
    const storage = fakeStorage(true);
    const db = await freshDb();
    expect(await requestPersistenceOnce(db, T0)).toBe(true);
    expect(await requestPersistenceOnce(db, T0 + 1000)).toBeNull();
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('reads persistence and the space used from the browser', async () => {
    fakeStorage(false);
    expect(await readStorageStatus()).toEqual({
      persisted: false,
      usageBytes: 1_234_567,
      quotaBytes: 10_000_000_000,
    });
  });
});
