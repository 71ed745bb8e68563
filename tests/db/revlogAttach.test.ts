import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import { loadApkgExport } from '../../src/db/transfer/apkgExportData';
import { commitDeckImport } from '../../src/db/transfer/deckImport';
import { loadReviewLogs, loadRevlogCardIds } from '../../src/db/transfer/exports';
import { commitRevlogAttach, previewRevlogAttach } from '../../src/db/transfer/revlogAttach';
import { readApkg } from '../../src/domain/transfer/anki/readApkg';
import { buildApkg } from '../../src/domain/transfer/anki/writeApkg';
import { reviewLogsToFsrsCsv } from '../../src/domain/transfer/revlogCsv';
import { readRevlogRows } from '../../src/domain/transfer/revlogRows';
import { loadSql } from '../domain/transfer/anki/ankiPackageBuilder';
import { DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../fixtures', path));
const NOW = 1_760_000_000_000;

async function importMixed(db: CardinalDb, includeHistory: boolean) {
  const read = await readApkg('mixed.apkg', fixture('anki/mixed-notetypes.anki21.apkg'), {
    deckId: 'x',
    deckTitle: 'x',
    loadSql,
    includeHistory,
  });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const result = await commitDeckImport(
    db,
    read,
    { deckId: read.deck.id, title: read.deck.title, missing: 'keep' },
    NOW,
  );
  if (!result.ok) throw new Error('not imported');
  return read.deck.id;
}

const logsOf = async (db: CardinalDb) =>
  (await loadReviewLogs(db)).map((l) => ({
    itemId: l.itemId,
    rating: l.rating,
    review: l.review,
    durationMs: l.durationMs,
  }));

const statesOf = async (db: CardinalDb, deckId: string) =>
  (await db.cardStates.where('deckId').equals(deckId).toArray())
    .map((i) => ({
      itemId: i.itemId,
      reps: i.fsrs.reps,
      lapses: i.fsrs.lapses,
      state: i.fsrs.state,
      due: i.due,
    }))
    .sort((a, b) => (a.itemId < b.itemId ? -1 : 1));

describe('attaching a review-log CSV to stored cards', () => {
  it('an Anki package’s items keep their Anki card ids; Anki’s revlog CSV attaches as the package’s history would', async () => {
    const db = await freshDb();
    const deckId = await importMixed(db, false);
    const items = await db.cardStates.where('deckId').equals(deckId).toArray();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.ankiCardId).toBeGreaterThan(1_700_000_000_000);
    expect(await db.cardStates.where('ankiCardId').equals(1_755_501_927_620).count()).toBe(1);
    expect(await db.reviewLogs.count()).toBe(0);

    const read = readRevlogRows(
      'revlog.csv',
      fixture('revlog/mixed-notetypes-anki-revlog.csv').toString('utf8'),
    );
    if (!read) throw new Error('not a revlog');
    const preview = await previewRevlogAttach(db, 'revlog.csv', read);
    // The same package imported with its history: what attaching must give.
    const reference = await freshDb();
    await importMixed(reference, true);
    const want = await logsOf(reference);
    expect(preview).toMatchObject({
      deck: { id: deckId, title: 'Test - Mixed Types' },
      added: want.length,
      alreadyStored: 0,
      matchedRows: want.length,
    });
    expect(preview.matchedRows + preview.unknownRows).toBe(read.rows.length);
    // Rows of the Image Occlusion note (not imported) name cards that are not here.
    expect(preview.unknownRows).toBeGreaterThan(0);
    expect(await db.reviewLogs.count()).toBe(0);

    const done = await commitRevlogAttach(db, 'revlog.csv', read);
    expect(done).toEqual(preview);
    expect(await logsOf(db)).toEqual(want);
    // States replayed from the whole history, as the package import replays it (no memory state from cards.data
    // in a CSV, so compare counts, state and reps rather than stability).
    const after = await statesOf(db, deckId);
    const expected = await statesOf(reference, deckId);
    expect(after.map(({ due: _d, ...s }) => s)).toEqual(expected.map(({ due: _d, ...s }) => s));
    expect(after.filter((s) => s.reps > 0).length).toBeGreaterThan(0);

    // Attaching the same file again adds nothing.
    const again = await commitRevlogAttach(db, 'revlog.csv', read);
    expect(again).toMatchObject({ added: 0, alreadyStored: want.length });
    expect(await db.reviewLogs.count()).toBe(want.length);
  });

  it('importing a package again gives items imported before schema v4 their Anki card ids', async () => {
    const db = await freshDb();
    const deckId = await importMixed(db, false);
    await db.cardStates.toCollection().modify((item) => {
      delete item.ankiCardId;
      delete item.ankiNoteId;
    });
    expect(await db.cardStates.where('ankiCardId').above(0).count()).toBe(0);
    await importMixed(db, false);
    const items = await db.cardStates.where('deckId').equals(deckId).toArray();
    expect(items.every((i) => (i.ankiCardId ?? 0) > 0 && (i.ankiNoteId ?? 0) > 0)).toBe(true);
  });

  it('Cardinal’s own revlog CSV re-attaches to the same items (round trip)', async () => {
    const deck = makeDeck();
    const db = await freshDb();
    await syncDeck(db, deck, T0, { shipped: false });
    const answer = (itemId: string, rating: 1 | 3, at: number) =>
      recordAnswer(
        db,
        'test-deck',
        itemId,
        { rating, now: at, durationMs: 4000, source: 'review' },
        SETTINGS,
      );
    await answer('a.one#1', 3, T0 + MINUTE);
    await answer('a.two#2', 1, T0 + 2 * MINUTE);
    await answer('a.cloze#2', 3, T0 + 3 * MINUTE);
    await answer('a.one#1', 3, T0 + DAY);
    const csv = reviewLogsToFsrsCsv(await loadReviewLogs(db), await loadRevlogCardIds(db));

    const other = await freshDb();
    await syncDeck(other, deck, T0, { shipped: false });
    const read = readRevlogRows('cardinal-revlog.csv', csv);
    if (!read) throw new Error('not a revlog');
    expect(read.skipped).toEqual([]);
    const summary = await commitRevlogAttach(other, 'cardinal-revlog.csv', read);
    expect(summary).toMatchObject({
      deck: { id: 'test-deck' },
      cards: 3,
      matchedRows: 4,
      unknownRows: 0,
      added: 4,
    });
    expect(await logsOf(other)).toEqual(await logsOf(db));
    const before = await db.cardStates.get(['test-deck', 'a.one#1']);
    const after = await other.cardStates.get(['test-deck', 'a.one#1']);
    expect(after?.fsrs).toMatchObject({
      reps: before?.fsrs.reps,
      state: before?.fsrs.state,
      stability: expect.closeTo(before?.fsrs.stability ?? 0, 6),
      difficulty: expect.closeTo(before?.fsrs.difficulty ?? 0, 6),
    });
  });

  it('a file naming no stored card changes nothing and says so', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const read = readRevlogRows(
      'r.csv',
      'card_id,review_time,review_rating,review_duration\n12345,1700000000000,3,1000\n',
    );
    if (!read) throw new Error('not a revlog');
    const before = await db.cardStates.toArray();
    const summary = await commitRevlogAttach(db, 'r.csv', read);
    expect(summary).toMatchObject({ deck: undefined, matchedRows: 0, unknownRows: 1, added: 0 });
    expect(await db.cardStates.toArray()).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(0);
  });
});

describe('Anki ids through Cardinal’s .apkg export', () => {
  it('items imported from Anki go back out under their Anki note and card ids, and keep them on re-import', async () => {
    const db = await freshDb();
    const deckId = await importMixed(db, false);
    const before = new Map(
      (await db.cardStates.toArray()).map((i) => [i.itemId, [i.ankiCardId, i.ankiNoteId]]),
    );
    const input = await loadApkgExport(db, deckId, true, NOW + DAY);
    if (!input) throw new Error('no deck');
    const read = await readApkg('again.apkg', await buildApkg(await loadSql(), input), {
      deckId: 'x',
      deckTitle: 'x',
      loadSql,
      includeHistory: true,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(new Map(read.ankiIds?.map((a) => [a.itemId, [a.ankiCardId, a.ankiNoteId]]))).toEqual(before);
    await commitDeckImport(db, read, { deckId, title: 'Test - Mixed Types', missing: 'keep' }, NOW + DAY);
    expect(
      new Map((await db.cardStates.toArray()).map((i) => [i.itemId, [i.ankiCardId, i.ankiNoteId]])),
    ).toEqual(before);
  });
});
