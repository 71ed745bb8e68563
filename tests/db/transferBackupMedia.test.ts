import { describe, expect, it } from 'vitest';
import type { CardinalDb, MediaRecord } from '../../src/db/database';
import { listSnapshots, restoreSnapshot, takeSnapshot } from '../../src/db/snapshots';
import { exportBackup, restoreBackup, tableKeys } from '../../src/db/transfer/backupRepo';
import { readBackup } from '../../src/domain/transfer/backup';
import { backupJsonValue } from '../../src/domain/transfer/backupMedia';
import { DAY, freshDb, T0 } from '../helpers/builders';
import { everyTable, populatedDb } from '../helpers/populatedDb';

/** A PNG-named file of every byte value, and a sound larger than one base64 piece (3 × 256 KiB). */
const image = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => i % 256);
const sound = Uint8Array.from({ length: 3 * 256 * 1024 + 5 }, (_, i) => (i * 7919) % 256);

async function withMedia(big = sound): Promise<CardinalDb> {
  const db = await populatedDb();
  await db.media.bulkPut([
    { deckId: 'test-deck', name: 'cat.png', type: 'image/png', bytes: image },
    { deckId: 'other', name: 'sound.mp3', type: 'audio/mpeg', bytes: big },
  ]);
  return db;
}

/** Media rows with their bytes as plain arrays (so rows read back compare by content). */
async function mediaOf(db: CardinalDb) {
  const rows = await db.media.toArray();
  for (const row of rows) expect(ArrayBuffer.isView(row.bytes), row.name).toBe(true);
  return rows.map((row) => ({ ...row, bytes: Array.from(row.bytes) }));
}

/** The backup file as the export panel saved it in the first backup format (formatVersion 1, plain JSON). */
async function backupFile(db: CardinalDb, deckIds?: string[]): Promise<string> {
  const backup = await exportBackup(db, T0 + 10 * DAY, deckIds ? { deckIds } : {});
  return JSON.stringify(backupJsonValue(backup));
}

/** Every table, media bytes as plain arrays. */
async function contents(db: CardinalDb) {
  const { media: _media, ...rest } = await everyTable(db);
  return { ...rest, media: await mediaOf(db) };
}

function readOrThrow(text: string, db: CardinalDb) {
  const read = readBackup('backup.json', text, tableKeys(db));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.backup;
}

describe('backups carry images and sounds', () => {
  it('writes media bytes as base64 text, and export → wipe → restore gives back identical bytes', async () => {
    const db = await withMedia();
    const before = await contents(db);
    const text = await backupFile(db);
    const file = JSON.parse(text) as { tables: { media: Array<Record<string, unknown>> } };
    expect(file.tables.media).toEqual([
      {
        deckId: 'other',
        name: 'sound.mp3',
        type: 'audio/mpeg',
        bytes: Buffer.from(sound).toString('base64'),
      },
      {
        deckId: 'test-deck',
        name: 'cat.png',
        type: 'image/png',
        bytes: Buffer.from(image).toString('base64'),
      },
    ]);

    await db.delete();
    await db.open();
    expect(await db.media.count()).toBe(0);
    const summary = await restoreBackup(db, readOrThrow(text, db), 'replace');
    expect(summary.media).toEqual({ written: 2, alreadyStored: 0 });
    expect(await contents(db)).toEqual(before);
  });

  it('merges media into another database: the file adds its files and replaces the same name in a deck', async () => {
    const source = await withMedia();
    const text = await backupFile(source);
    const target = await freshDb();
    const mine: MediaRecord = {
      deckId: 'mine',
      name: 'dog.jpg',
      type: 'image/jpeg',
      bytes: Uint8Array.of(1, 2),
    };
    const stale: MediaRecord = {
      deckId: 'test-deck',
      name: 'cat.png',
      type: 'image/png',
      bytes: Uint8Array.of(9),
    };
    await target.media.bulkPut([mine, stale]);

    await restoreBackup(target, readOrThrow(text, target), 'merge');

    const byName = new Map((await mediaOf(target)).map((m) => [m.name, m.bytes]));
    expect(byName.get('dog.jpg')).toEqual([1, 2]);
    expect(byName.get('cat.png')).toEqual(Array.from(image));
    expect(byName.get('sound.mp3')).toEqual(Array.from(sound));
    expect(byName.size).toBe(3);
  });

  it("a deck's export with review state carries that deck's media only", async () => {
    const source = await withMedia();
    const text = await backupFile(source, ['test-deck']);
    const target = await freshDb();
    await restoreBackup(target, readOrThrow(text, target), 'merge');
    expect((await mediaOf(target)).map((m) => [m.deckId, m.name, m.bytes.length])).toEqual([
      ['test-deck', 'cat.png', image.length],
    ]);
  });

  it('restores a backup made before media existed (no media table)', async () => {
    const source = await populatedDb();
    const before = await everyTable(source);
    const file = JSON.parse(await backupFile(source)) as { tables: Record<string, unknown> };
    delete file.tables.media;
    expect(Object.keys(file.tables)).not.toContain('media');
    const target = await freshDb();
    await target.media.put({ deckId: 'gone', name: 'a.png', type: 'image/png', bytes: Uint8Array.of(1) });

    await restoreBackup(target, readOrThrow(JSON.stringify(file), target), 'replace');

    expect(await everyTable(target)).toEqual({ ...before, media: [] });
  });

  it.each([
    ['bytes that are not base64', { bytes: 'not base64!' }, ' field "bytes"', /not base64/],
    ['bytes of the wrong length', { bytes: 'AAAAA' }, ' field "bytes"', /not base64/],
    ['misplaced padding', { bytes: 'AA=A' }, ' field "bytes"', /not base64/],
    ['bytes as an array', { bytes: [1, 2, 3] }, ' field "bytes"', /expected string/i],
    ['a type Cardinal does not store', { type: 'image/svg+xml' }, ' field "type"', /image or sound type/],
    ['no name', { name: '' }, ' field "name"', /./],
    ['an unknown field', { extra: 1 }, ' field ""', /extra/],
    ['a deck not in the backup', { deckId: 'nowhere' }, '', /deck "nowhere", which is not in the backup/],
  ])('refuses a media row with %s, naming it, and stores nothing', async (_name, change, field, reason) => {
    const db = await withMedia(Uint8Array.of(1, 2, 3, 4));
    const file = JSON.parse(await backupFile(db)) as { tables: { media: Array<Record<string, unknown>> } };
    file.tables.media[1] = { ...file.tables.media[1], ...change };
    await db.cardStates.clear();
    const before = await contents(db);

    const read = readBackup('backup.json', JSON.stringify(file), tableKeys(db));

    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]?.where).toBe(`backup.json table "media" row 2${field}`);
    expect(read.problems[0]?.reason).toMatch(reason);
    expect(await contents(db)).toEqual(before);
  });
});

describe('snapshots carry images and sounds', () => {
  it('restoring a snapshot gives back the media bytes exactly, after they were deleted or changed', async () => {
    const db = await withMedia();
    const before = await contents(db);
    const snap = await takeSnapshot(db, 'manual', T0 + DAY);
    expect(snap.counts.media).toBe(2);

    await db.media.clear();
    await db.media.put({ deckId: 'test-deck', name: 'cat.png', type: 'image/png', bytes: Uint8Array.of(0) });
    await restoreSnapshot(db, snap.id ?? -1, T0 + 2 * DAY);

    expect(await contents(db)).toEqual(before);
    expect((await listSnapshots(db))[0]?.counts.media).toBe(1);
  });
});
