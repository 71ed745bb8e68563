import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { finishExam, startExam } from '../../src/db/examRepo';
import { recordAnswer } from '../../src/db/reviewRepo';
import { saveSchedulerSettings } from '../../src/db/schedulerSettingsRepo';
import { putSetting } from '../../src/db/settingsRepo';
import { exportBackup, restoreBackup, tableKeys } from '../../src/db/transfer/backupRepo';
import { readBackup } from '../../src/domain/transfer/backup';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

/** A database with two decks, answers on several days (review logs with ids), settings and a suspended item. */
async function populated(): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, makeDeck(), T0, { shipped: true });
  await syncDeck(db, makeDeck({ id: 'other', title: 'Other', cards: [basic('o.one'), basic('o.two')] }), T0, {
    shipped: false,
  });
  await saveSchedulerSettings(db, 'test-deck', { ...SETTINGS, newPerDay: 7 });
  await putSetting(db, 'ui:theme', { mode: 'dark', nested: [1, 2.5, null] });
  const answer = (deckId: string, itemId: string, now: number, rating: 1 | 2 | 3 | 4) =>
    recordAnswer(db, deckId, itemId, { rating, now, durationMs: 4321, source: 'review' }, SETTINGS);
  await answer('test-deck', 'a.one#1', T0 + MINUTE, 3);
  await answer('test-deck', 'a.one#1', T0 + 2 * DAY, 1);
  await answer('test-deck', 'a.cloze#2', T0 + DAY, 4);
  await answer('other', 'o.one#1', T0 + 3 * DAY, 2);
  await db.cardStates.update(['test-deck', 'b.tf#1'], { suspended: true, queue: 'suspended', flag: 2 });
  const config = {
    count: 2,
    timeLimitMinutes: 10,
    sections: ['beta'],
    tags: [],
    passMark: 70,
    order: 'guide' as const,
    seed: 'backup',
    feedSchedule: false,
    retakeOf: null,
  };
  const exam = await startExam(db, 'test-deck', config, { id: 'exam-1', now: T0 + 4 * DAY });
  await finishExam(db, exam.id, {
    answers: exam.questions.map(() => ({ choice: [0], flagged: false })),
    elapsedMs: 65_000,
    now: T0 + 4 * DAY + 2 * MINUTE,
    timedOut: false,
  });
  return db;
}

async function everyTable(db: CardinalDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

async function backupText(db: CardinalDb, deckIds?: string[]) {
  return JSON.stringify(await exportBackup(db, T0 + 10 * DAY, deckIds ? { deckIds } : {}));
}

describe('full backup', () => {
  it('export → wipe → restore gives back every table, field by field', async () => {
    const db = await populated();
    const before = await everyTable(db);
    const text = await backupText(db);

    await db.delete();
    await db.open();
    expect((await everyTable(db)).decks).toEqual([]);

    const read = readBackup('backup.json', text, tableKeys(db));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    await restoreBackup(db, read.backup, 'replace');
    const after = await everyTable(db);
    expect(before.exams).toHaveLength(1);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toStrictEqual(before[table]);
    // The auto-numbered logs continue after the restored ids.
    const nextId = await db.reviewLogs.add({ ...(before.reviewLogs?.[0] as object), id: undefined } as never);
    expect(nextId).toBe(5);
  });

  it('a restore that fails after several chunks are written leaves every table exactly as it was', async () => {
    const db = await populated();
    const read = readBackup('backup.json', await backupText(db), tableKeys(db));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const [log] = read.backup.tables.reviewLogs ?? [];
    // 25,000 answers (chunks written one after another), the highest id taken twice: the write fails at the end.
    const logs = Array.from({ length: 25_000 }, (_, i) => ({ ...log, id: 100 + i }));
    logs.push({ ...log, id: 100 + 24_999 });
    const file = { ...read.backup, tables: { ...read.backup.tables, reviewLogs: logs } };
    await db.decks.put({ ...(await db.decks.get('other')), title: 'Changed since' } as never);
    const before = await everyTable(db);
    const progress: number[] = [];
    await expect(restoreBackup(db, file, 'replace', (done) => progress.push(done))).rejects.toThrow();
    expect(Math.max(...progress)).toBeGreaterThan(10_000);
    expect(await everyTable(db)).toStrictEqual(before);
  });

  it('reads tables larger than one page completely, in key order', async () => {
    const db = await freshDb();
    const rows = Array.from({ length: 10_001 }, (_, i) => ({
      key: `k:${String(i).padStart(5, '0')}`,
      value: i,
    }));
    await db.settings.bulkPut(rows);
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const progress: number[] = [];
    const backup = await exportBackup(db, T0, { onProgress: (done) => progress.push(done) });
    expect(backup.tables.settings).toEqual(rows);
    expect(backup.tables.cardStates).toEqual(await db.cardStates.toArray());
    expect(progress.length).toBeGreaterThan(3);
  });

  it('restores into a database that already holds other data, replacing it all', async () => {
    const source = await populated();
    const text = await backupText(source);
    const target = await freshDb();
    await syncDeck(target, makeDeck({ id: 'stale', cards: [basic('s.one')] }), T0, { shipped: false });
    const read = readBackup('b.json', text, tableKeys(target));
    if (!read.ok) throw new Error('unreadable');
    await restoreBackup(target, read.backup, 'replace');
    expect(await everyTable(target)).toStrictEqual(await everyTable(source));
  });

  it('merge keeps local rows, lets the file win for rows in both, and never duplicates review logs', async () => {
    const source = await populated();
    const text = await backupText(source);
    const target = await freshDb();
    await syncDeck(target, makeDeck({ id: 'mine', cards: [basic('m.one')] }), T0, { shipped: false });
    const read = readBackup('b.json', text, tableKeys(target));
    if (!read.ok) throw new Error('unreadable');
    const first = await restoreBackup(target, read.backup, 'merge');
    expect(first.reviewLogs).toEqual({ written: 4, alreadyStored: 0 });
    const again = await restoreBackup(target, read.backup, 'merge');
    expect(again.reviewLogs).toEqual({ written: 0, alreadyStored: 4 });
    expect(await target.reviewLogs.count()).toBe(4);
    expect((await target.decks.toArray()).map((d) => d.id).sort()).toEqual(['mine', 'other', 'test-deck']);
    expect(await target.cardStates.get(['test-deck', 'b.tf#1'])).toMatchObject({ suspended: true, flag: 2 });
  });

  it('merge never replaces newer local progress with an older backup, and unions the review logs', async () => {
    // The backup is made after two answers; then the learner goes on studying locally.
    const db = await populated();
    const older = readBackup('b.json', await backupText(db), tableKeys(db));
    if (!older.ok) throw new Error('unreadable');
    const answer = (itemId: string, now: number) =>
      recordAnswer(db, 'test-deck', itemId, { rating: 3, now, durationMs: 1000, source: 'review' }, SETTINGS);
    await answer('a.one#1', T0 + 5 * DAY);
    await answer('a.two#1', T0 + 5 * DAY + MINUTE);
    const newer = await db.cardStates.bulkGet([
      ['test-deck', 'a.one#1'],
      ['test-deck', 'a.two#1'],
    ]);
    const logsBefore = await db.reviewLogs.count();

    const summary = await restoreBackup(db, older.backup, 'merge');

    // Both items keep the state of their later review; the backup's older copies are not written.
    expect(
      await db.cardStates.bulkGet([
        ['test-deck', 'a.one#1'],
        ['test-deck', 'a.two#1'],
      ]),
    ).toEqual(newer);
    expect(summary.cardStates?.written).toBe(0);
    // Every answer stays once: the backup's are all here already.
    expect(summary.reviewLogs).toEqual({ written: 0, alreadyStored: older.backup.tables.reviewLogs?.length });
    expect(await db.reviewLogs.count()).toBe(logsBefore);
  });

  it("merge takes the backup's state where it is newer, and adds the answers that are not stored", async () => {
    const source = await populated();
    const backup = readBackup('b.json', await backupText(source), tableKeys(source));
    if (!backup.ok) throw new Error('unreadable');
    // The local copy has only the first answer to a.one#1 (the backup has a later one, and more).
    const local = await freshDb();
    await syncDeck(local, makeDeck(), T0, { shipped: true });
    await recordAnswer(
      local,
      'test-deck',
      'a.one#1',
      { rating: 3, now: T0 + MINUTE, durationMs: 4321, source: 'review' },
      SETTINGS,
    );

    await restoreBackup(local, backup.backup, 'merge');

    expect(await local.cardStates.get(['test-deck', 'a.one#1'])).toEqual(
      await source.cardStates.get(['test-deck', 'a.one#1']),
    );
    const answers = (await local.reviewLogs.toArray()).map((l) => [l.itemId, l.review, l.rating]);
    expect(answers).toHaveLength(await source.reviewLogs.count());
    expect(new Set(answers.map((a) => a.join())).size).toBe(answers.length);
  });

  it('exports one deck with its review state, which merges into another database', async () => {
    const source = await populated();
    const text = await backupText(source, ['other']);
    const parsed = JSON.parse(text) as { tables: Record<string, Array<{ deckId?: string; id?: string }>> };
    expect(parsed.tables.decks?.map((d) => d.id)).toEqual(['other']);
    expect(parsed.tables.reviewLogs).toHaveLength(1);
    const target = await freshDb();
    const read = readBackup('other.json', text, tableKeys(target));
    if (!read.ok) throw new Error('unreadable');
    await expect(restoreBackup(target, read.backup, 'replace')).rejects.toThrow(/can be merged/);
    await restoreBackup(target, read.backup, 'merge');
    expect((await target.cardStates.get(['other', 'o.one#1']))?.fsrs).toEqual(
      (await source.cardStates.get(['other', 'o.one#1']))?.fsrs,
    );
  });
});

describe('reading a backup', () => {
  const keysOf = async () => tableKeys(await freshDb());

  it.each([
    ['not JSON', '{"format": "cardinal-backup",', /b\.json line 1, column \d+/, /is not valid JSON/],
    [
      'another format',
      '{"format":"cardinal-deck"}',
      /b\.json field "format"/,
      /expected "cardinal-backup"|Invalid input/,
    ],
    [
      'an unknown table',
      JSON.stringify({
        format: 'cardinal-backup',
        formatVersion: 1,
        exportedAt: 0,
        tables: { spaceships: [] },
      }),
      /table "spaceships"/,
      /not a table of this version/,
    ],
    [
      'a bad row',
      JSON.stringify({
        format: 'cardinal-backup',
        formatVersion: 1,
        exportedAt: 0,
        tables: {
          settings: [
            { key: 'a', value: 1 },
            { key: 'a', value: 2 },
          ],
        },
      }),
      /table "settings" row 2/,
      /duplicates the primary key of row 1/,
    ],
  ])('refuses %s, naming where', async (_name, text, where, reason) => {
    const read = readBackup('b.json', text, await keysOf());
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problems[0]?.where).toMatch(where);
      expect(read.problems[0]?.reason).toMatch(reason);
    }
  });

  it('names the table, row and field of an invalid card state', async () => {
    const db = await populated();
    const backup = JSON.parse(await backupText(db)) as {
      tables: { cardStates: Array<Record<string, unknown>> };
    };
    const row = backup.tables.cardStates[2];
    if (row) row.queue = 'sideways';
    const read = readBackup('b.json', JSON.stringify(backup), tableKeys(db));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]?.where).toBe('b.json table "cardStates" row 3 field "queue"');
  });

  it('never throws and never writes for mutated backups (fuzz)', async () => {
    const db = await populated();
    const text = await backupText(db);
    const before = await everyTable(db);
    const keys = tableKeys(db);
    await fc.assert(
      fc.asyncProperty(fc.nat(text.length - 1), fc.string({ maxLength: 8 }), async (at, insert) => {
        const mutated = text.slice(0, at) + insert + text.slice(at + 1);
        const read = readBackup('m.json', mutated, keys);
        if (read.ok) return; // a harmless mutation (e.g. inside a string) is a valid backup
        expect(read.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
    expect(await everyTable(db)).toStrictEqual(before);
  });
});
