import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { runBackupJob } from '../../src/db/backupJobs';
import { putSetting } from '../../src/db/settingsRepo';
import {
  KEEP_SNAPSHOTS,
  keepDailySnapshot,
  listSnapshots,
  restoreSnapshot,
  SNAPSHOT_EVERY_MS,
  type SnapshotInfo,
  snapshotStore,
  takeSnapshot,
} from '../../src/db/snapshots';
import { DAY, T0 } from '../helpers/builders';
import { everyTable, populatedDb } from '../helpers/populatedDb';

describe('snapshots', () => {
  it('restoring a snapshot gives back every row exactly, after later changes and deletions', async () => {
    const db = await populatedDb();
    const before = await everyTable(db);
    const snap = await takeSnapshot(db, 'import', T0 + 5 * DAY);
    expect(snap.counts).toMatchObject({ decks: 2, reviewLogs: 3, exams: 1 });

    await db.reviewLogs.clear();
    await db.cardStates.where('deckId').equals('other').delete();
    const deck = await db.decks.get('test-deck');
    if (deck) await db.decks.put({ ...deck, title: 'Changed' });

    await restoreSnapshot(db, snap.id ?? -1, T0 + 6 * DAY);
    expect(await everyTable(db)).toEqual(before);
    // The data replaced by the restore was itself snapshotted first.
    const list = await listSnapshots(db);
    expect(list.map((s) => s.reason)).toEqual(['restore', 'import']);
    expect(list[0]?.counts.reviewLogs).toBe(0);
  });

  it(`keeps only the newest ${KEEP_SNAPSHOTS} complete snapshots and no pages of dropped ones`, async () => {
    const db = await populatedDb();
    for (let i = 0; i < KEEP_SNAPSHOTS + 2; i++) await takeSnapshot(db, 'manual', T0 + i * DAY);
    const list = await listSnapshots(db);
    expect(list).toHaveLength(KEEP_SNAPSHOTS);
    expect(list[0]?.takenAt).toBe(T0 + (KEEP_SNAPSHOTS + 1) * DAY);
    const store = snapshotStore(db);
    const pageOwners = new Set((await store.pages.toArray()).map((p) => p.snapshotId));
    expect([...pageOwners].sort()).toEqual(list.map((s) => s.id).sort());
  });

  it('the scheduled snapshot is taken at most once a day', async () => {
    const db = await populatedDb();
    const daily = (at: number) => keepDailySnapshot(db, { now: () => at, quietMs: 1 }).done;
    expect(await daily(T0)).toMatchObject({ reason: 'scheduled', takenAt: T0 });
    expect(await daily(T0 + SNAPSHOT_EVERY_MS - 1)).toBeNull();
    expect(await daily(T0 + SNAPSHOT_EVERY_MS)).not.toBeNull();
    expect(await listSnapshots(db)).toHaveLength(2);
  });

  it('the scheduled snapshot gives way to a write: the write goes ahead, nothing half-taken is stored', async () => {
    const db = await populatedDb();
    let write: Promise<unknown> | undefined;
    const job = runBackupJob(db, { type: 'scheduledSnapshot', now: T0 }, () => {
      // A write started while the snapshot reads (as an answer during a review would be), outside its transaction.
      write ??= Dexie.ignoreTransaction(() => putSetting(db, 'ui:theme', { mode: 'light' }));
    });
    // Stopped (its read transaction aborted) rather than finished with the write waiting behind it.
    expect(await job).toBeNull();
    await write;
    expect((await db.settings.get('ui:theme'))?.value).toEqual({ mode: 'light' });
    expect(await snapshotStore(db).snapshots.count()).toBe(0);
    // With no write, the same job takes the snapshot.
    expect(await runBackupJob(db, { type: 'scheduledSnapshot', now: T0 })).toMatchObject({
      reason: 'scheduled',
    });
  });

  it('after giving way it waits for a quiet spell and tries again; cancelling stops it', async () => {
    const db = await populatedDb();
    const info: SnapshotInfo = { id: 7, takenAt: T0, reason: 'scheduled', counts: {}, complete: true };
    const take = vi.fn<(now: number) => Promise<SnapshotInfo | null>>();
    take.mockResolvedValueOnce(null).mockResolvedValueOnce(info);
    expect(await keepDailySnapshot(db, { now: () => T0, quietMs: 1, take }).done).toBe(info);
    expect(take).toHaveBeenCalledTimes(2);

    const never = vi.fn<(now: number) => Promise<SnapshotInfo | null>>();
    const daily = keepDailySnapshot(db, { now: () => T0, quietMs: 60_000, take: never });
    daily.cancel();
    expect(await daily.done).toBeNull();
    expect(never).not.toHaveBeenCalled();
  });

  it('a half-written snapshot is never offered and is dropped by the next one', async () => {
    const db = await populatedDb();
    const store = snapshotStore(db);
    await store.snapshots.add({ takenAt: T0, reason: 'scheduled', counts: {}, complete: false });
    expect(await listSnapshots(db)).toEqual([]);
    await takeSnapshot(db, 'manual', T0 + DAY);
    expect(await store.snapshots.count()).toBe(1);
  });

  it('a snapshot stored by an older version (rows, page by page) still restores exactly', async () => {
    const db = await populatedDb();
    const before = await everyTable(db);
    const store = snapshotStore(db);
    const snapshotId = await store.snapshots.add({
      takenAt: T0,
      reason: 'manual',
      counts: {},
      complete: true,
    });
    if (snapshotId === undefined) throw new Error('not stored');
    await store.pages.bulkAdd(
      Object.entries(before).map(([table, rows], seq) => ({ snapshotId, seq, table, rows: rows as never[] })),
    );
    await db.reviewLogs.clear();
    await db.decks.delete('other');
    await restoreSnapshot(db, snapshotId, T0 + DAY);
    expect(await everyTable(db)).toEqual(before);
  });

  it('stores a snapshot as compressed pages of the compact backup format', async () => {
    const db = await populatedDb();
    const snap = await takeSnapshot(db, 'manual', T0);
    const pages = await snapshotStore(db)
      .pages.where('snapshotId')
      .equals(snap.id ?? -1)
      .toArray();
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => 'bytes' in p)).toBe(true);
    const first = pages[0] as { bytes: Uint8Array };
    // The gzip magic number: the pages joined are a gzip file.
    expect([first.bytes[0], first.bytes[1]]).toEqual([0x1f, 0x8b]);
  });
});
