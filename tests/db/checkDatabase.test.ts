import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/db/checkDatabase';
import { everyTable, populatedDb } from '../helpers/populatedDb';

async function damage() {
  const db = await populatedDb();
  // A review item whose card is gone, one whose queue disagrees with its state, a deck count off by one,
  // a damaged exam and a review log with a bad rating.
  const state = await db.cardStates.get(['test-deck', 'a.one#1']);
  if (!state) throw new Error('fixture');
  await db.cardStates.put({ ...state, cardId: 'gone', itemId: 'gone#1' });
  await db.cardStates.update(['other', 'o.two#1'], { queue: 'review' });
  const other = await db.decks.get('other');
  if (!other) throw new Error('fixture');
  await db.decks.put({ ...other, cardCount: 5 });
  await db.exams.update('exam-1', { questions: 'broken' as never });
  const log = await db.reviewLogs.toCollection().first();
  await db.reviewLogs.update(log?.id ?? 0, { rating: 9 as never });
  return db;
}

describe('Check database', () => {
  it('finds damaged rows and orphans without changing anything when not repairing', async () => {
    const db = await damage();
    const before = await everyTable(db);
    const report = await checkDatabase(db, { repair: false });
    expect(report.repaired).toBe(false);
    const seen = report.findings.map((f) => `${f.table} ${f.row}: ${f.repair}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'decks other: fix',
        'cardStates test-deck / gone#1: remove',
        'cardStates other / o.two#1: fix',
        'exams exam-1: remove',
        expect.stringMatching(/^reviewLogs \d+: null$/),
      ]),
    );
    expect(report.findings.find((f) => f.table === 'exams')?.problem).toMatch(/field "questions"/);
    expect(await everyTable(db)).toEqual(before);
  });

  it('repairs what can be repaired and keeps the rest; a second check finds only what it cannot repair', async () => {
    const db = await damage();
    const logsBefore = await db.reviewLogs.count();
    await checkDatabase(db, { repair: true });
    expect(await db.cardStates.get(['test-deck', 'gone#1'])).toBeUndefined();
    expect((await db.cardStates.get(['other', 'o.two#1']))?.queue).toBe('new');
    expect((await db.decks.get('other'))?.cardCount).toBe(2);
    expect(await db.exams.get('exam-1')).toBeUndefined();
    expect(await db.reviewLogs.count()).toBe(logsBefore);
    const again = await checkDatabase(db, { repair: false });
    expect(again.findings.every((f) => f.repair === null)).toBe(true);
    expect(again.findings.map((f) => f.table)).toContain('reviewLogs');
  });

  it('a healthy database reports no problems', async () => {
    const db = await populatedDb();
    const report = await checkDatabase(db, { repair: false });
    expect(report.findings).toEqual([]);
    expect(report.rowsChecked).toBeGreaterThan(10);
  });
});

describe('Check database and the exam index', () => {
  it('finds a deck whose exam index is out of step, rebuilds it from the cards, and removes rows of a gone deck', async () => {
    const db = await populatedDb();
    const ofDeck = async (deckId: string) =>
      (await db.examItems.toArray()).filter((r) => r.deckId === deckId);
    const rows = await ofDeck('test-deck');
    const [first, second] = rows;
    if (!first || !second) throw new Error('fixture: the test deck has exam questions');
    // One row lost, one changed, and one of a deck that does not exist.
    await db.examItems.delete(['test-deck', first.cardId]);
    await db.examItems.put({ ...second, section: 'elsewhere' });
    await db.examItems.put({ ...second, deckId: 'gone' });

    const found = await checkDatabase(db, { repair: false });
    expect(found.findings).toEqual([
      {
        table: 'examItems',
        row: 'test-deck',
        problem: 'the exam index is out of step with the cards: 1 row(s) missing, 1 out of date, 0 left over',
        repair: 'fix',
      },
      {
        table: 'examItems',
        row: 'gone',
        problem: '1 exam index row(s) of a deck that does not exist',
        repair: 'remove',
      },
    ]);
    expect(await db.examItems.count()).toBe(rows.length);

    await checkDatabase(db, { repair: true });
    expect(await ofDeck('test-deck')).toEqual(rows);
    expect(await ofDeck('gone')).toEqual([]);
    expect((await checkDatabase(db, { repair: false })).findings).toEqual([]);
  });
});

describe('Check database and media', () => {
  it('stored images and sounds (bytes, not base64 text) are healthy; a media row without bytes is reported', async () => {
    const db = await populatedDb();
    await db.media.bulkPut([
      { deckId: 'test-deck', name: 'cat.png', type: 'image/png', bytes: Uint8Array.of(1, 2, 3) },
      { deckId: 'test-deck', name: 'bad.png', type: 'image/png', bytes: 'AQID' as never },
    ]);
    const report = await checkDatabase(db, { repair: false });
    expect(report.findings).toEqual([
      { table: 'media', row: 'test-deck / bad.png', problem: 'field "bytes" is not bytes', repair: null },
    ]);
  });

  it("images and sounds of a deck that is gone are flagged, then removed in the repair; the deck's own stay", async () => {
    const db = await populatedDb();
    await db.media.bulkPut([
      { deckId: 'test-deck', name: 'cat.png', type: 'image/png', bytes: Uint8Array.of(1, 2, 3) },
      { deckId: 'gone', name: 'dog.png', type: 'image/png', bytes: Uint8Array.of(4) },
      { deckId: 'gone', name: 'bark.mp3', type: 'audio/mpeg', bytes: Uint8Array.of(5) },
    ]);
    const found = await checkDatabase(db, { repair: false });
    expect(found.findings).toEqual([
      { table: 'media', row: 'gone / bark.mp3', problem: 'its deck "gone" does not exist', repair: 'remove' },
      { table: 'media', row: 'gone / dog.png', problem: 'its deck "gone" does not exist', repair: 'remove' },
    ]);
    expect(await db.media.count()).toBe(3);

    await checkDatabase(db, { repair: true });
    expect((await db.media.toArray()).map((m) => `${m.deckId} / ${m.name}`)).toEqual(['test-deck / cat.png']);
    expect((await checkDatabase(db, { repair: false })).findings).toEqual([]);
  });
});
