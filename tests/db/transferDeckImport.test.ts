import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import { commitDeckImport, previewDeckImport } from '../../src/db/transfer/deckImport';
import { readCsv } from '../../src/domain/transfer/csv/readCsv';
import { deckToCsv } from '../../src/domain/transfer/csv/writeCsv';
import { deckFromRecords, readDeckJson } from '../../src/domain/transfer/deckJson';
import type { ParsedImport } from '../../src/domain/transfer/parsedImport';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

function parsed(read: ReturnType<typeof readDeckJson>): ParsedImport {
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read;
}

async function everyTable(db: CardinalDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

const keepAs = (deckId: string, title: string) => ({ deckId, title, missing: 'keep' as const });

describe('importing a deck file', () => {
  it('previews without writing, then writes exactly what the preview said', async () => {
    const db = await freshDb();
    const file = parsed(readDeckJson('deck.json', JSON.stringify(makeDeck())));
    const options = { deckId: 'test-deck', title: 'Test deck', missing: 'retire' as const };
    const preview = await previewDeckImport(db, file, options, T0);
    expect(await db.decks.count()).toBe(0);
    expect(preview).toMatchObject({ ok: true, summary: { isNewDeck: true, added: 5, updated: 0 } });
    const done = await commitDeckImport(db, file, options, T0);
    expect(done).toEqual(preview);
    expect(await db.cards.count()).toBe(5);
  });

  it('re-importing an edited deck updates cards by id and keeps their review state, never duplicating', async () => {
    const db = await freshDb();
    const options = { deckId: 'test-deck', title: 'Test deck', missing: 'retire' as const };
    await commitDeckImport(db, parsed(readDeckJson('deck.json', JSON.stringify(makeDeck()))), options, T0);
    await recordAnswer(
      db,
      'test-deck',
      'a.one#1',
      { rating: 3, now: T0 + MINUTE, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
    const stateBefore = await db.cardStates.get(['test-deck', 'a.one#1']);

    const edited = makeDeck();
    edited.cards = [basic('a.one', { front: 'Corrected front' }), ...edited.cards.slice(2)];
    const result = await commitDeckImport(
      db,
      parsed(readDeckJson('deck.json', JSON.stringify(edited))),
      options,
      T0 + DAY,
    );
    expect(result).toMatchObject({ ok: true, summary: { added: 0, updated: 4, retired: 1 } });
    expect(await db.cards.where('deckId').equals('test-deck').count()).toBe(5);
    expect((await db.cards.get(['test-deck', 'a.one']))?.card).toMatchObject({ front: 'Corrected front' });
    expect(await db.cardStates.get(['test-deck', 'a.one#1'])).toEqual(stateBefore);
    expect((await db.cards.get(['test-deck', 'a.two']))?.retired).toBe(true);
  });

  it('a CSV imported into an existing deck adds its cards and keeps the others (missing: keep)', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const csv = readCsv('more.csv', 'extra one,answer one\nextra two,answer two\n');
    if (!csv.ok) throw new Error('unreadable');
    const result = await commitDeckImport(db, csv, keepAs('test-deck', 'Test deck'), T0);
    expect(result).toMatchObject({ ok: true, summary: { isNewDeck: false, added: 2, retired: 0 } });
    const deck = await db.decks.get('test-deck');
    expect(deck?.cardCount).toBe(7);
    expect(deck?.sections.map((s) => s.id)).toEqual(['alpha', 'beta', 'imported']);
    const again = await commitDeckImport(db, csv, keepAs('test-deck', 'Test deck'), T0 + DAY);
    expect(again).toMatchObject({ ok: true, summary: { added: 0, unchanged: 7 } });
  });

  it('exports a stored deck back to the same deck file (round trip)', async () => {
    const db = await freshDb();
    const deck = makeDeck();
    await syncDeck(db, deck, T0, { shipped: true });
    const record = await db.decks.get('test-deck');
    if (!record) throw new Error('not stored');
    const exported = deckFromRecords(record, await db.cards.where('deckId').equals('test-deck').toArray());
    const added = Object.fromEntries(deck.cards.map((c) => [c.id, T0]));
    expect(exported).toEqual({ ...deck, added });
    expect(readDeckJson('x.json', JSON.stringify(exported))).toEqual({
      ok: true,
      fileName: 'x.json',
      deck,
      addedAt: added,
      skipped: [],
      warnings: [],
      history: [],
    });
  });

  it('keeps when each card was added through an export and a re-import into another database', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    await db.cards.update(['test-deck', 'a.two'], { addedAt: T0 - 40 * DAY });
    const record = await db.decks.get('test-deck');
    if (!record) throw new Error('not stored');
    const text = JSON.stringify(deckFromRecords(record, await db.cards.toArray()));
    const other = await freshDb();
    await commitDeckImport(
      other,
      parsed(readDeckJson('x.json', text)),
      keepAs('test-deck', 'Test deck'),
      T0 + DAY,
    );
    const dates = new Map((await other.cards.toArray()).map((c) => [c.id, c.addedAt]));
    expect(dates.get('a.two')).toBe(T0 - 40 * DAY);
    expect(dates.get('a.one')).toBe(T0);
    // The dates are the cards', not the deck's: nothing of them is stored on the deck record.
    expect(await other.decks.get('test-deck')).not.toHaveProperty('added');
  });
});

describe('imported review history', () => {
  const withHistory = (file: ParsedImport): ParsedImport => ({
    ...file,
    history: [
      { cardId: 'a.one', ordinal: 1, rating: 3, review: T0 - 10 * DAY, durationMs: 5000 },
      { cardId: 'a.one', ordinal: 1, rating: 3, review: T0 - 9 * DAY, durationMs: 90_000 },
      { cardId: 'a.one', ordinal: 1, rating: 4, review: T0 - 3 * DAY, durationMs: 2000 },
      { cardId: 'gone', ordinal: 1, rating: 3, review: T0 - 3 * DAY, durationMs: 2000 },
    ],
  });

  it('is replayed through FSRS in the same transaction, stored as logs with source "import", once', async () => {
    const db = await freshDb();
    const file = withHistory(parsed(readDeckJson('deck.json', JSON.stringify(makeDeck()))));
    const options = { deckId: 'test-deck', title: 'Test deck', missing: 'retire' as const };
    const preview = await previewDeckImport(db, file, options, T0);
    expect(preview).toMatchObject({
      ok: true,
      summary: { history: { added: 3, alreadyStored: 0, unknownItem: 1 } },
    });
    await commitDeckImport(db, file, options, T0);
    const logs = await db.reviewLogs.toArray();
    expect(logs.map((l) => [l.itemId, l.rating, l.source, l.durationMs])).toEqual([
      ['a.one#1', 3, 'import', 5000],
      ['a.one#1', 3, 'import', 60_000],
      ['a.one#1', 4, 'import', 2000],
    ]);
    const state = await db.cardStates.get(['test-deck', 'a.one#1']);
    expect(state).toMatchObject({ queue: 'review', fsrs: { reps: 3, state: 2, last_review: T0 - 3 * DAY } });
    expect(state?.due).toBeGreaterThan(T0);

    const again = await commitDeckImport(db, file, options, T0 + DAY);
    expect(again).toMatchObject({ ok: true, summary: { history: { added: 0, alreadyStored: 3 } } });
    expect(await db.reviewLogs.count()).toBe(3);
  });

  it('a failure at any point of the write leaves the database exactly as it was', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck({ id: 'test-deck', cards: [basic('a.one')] }), T0, { shipped: false });
    const before = await everyTable(db);
    db.reviewLogs.hook('creating', () => {
      throw new Error('disk full');
    });
    const file = withHistory(parsed(readDeckJson('deck.json', JSON.stringify(makeDeck()))));
    await expect(
      commitDeckImport(db, file, { deckId: 'test-deck', title: 'Renamed', missing: 'retire' }, T0),
    ).rejects.toThrow(/disk full/);
    expect(await everyTable(db)).toStrictEqual(before);
  });
});

describe('CSV round trip into the same deck', () => {
  it('exporting a deck as CSV and importing it back changes nothing: same ids, sections and state', async () => {
    const db = await freshDb();
    const deck = makeDeck({
      cards: makeDeck().cards.filter((c) => c.kind === 'basic' || c.kind === 'cloze'),
    });
    await syncDeck(db, deck, T0, { shipped: false });
    await recordAnswer(
      db,
      'test-deck',
      'a.cloze#1',
      { rating: 3, now: T0 + MINUTE, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
    const before = await everyTable(db);
    const read = readCsv('test-deck.csv', deckToCsv(deck));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const result = await commitDeckImport(db, read, keepAs('test-deck', 'Test deck'), T0);
    expect(result).toMatchObject({ ok: true, summary: { added: 0, updated: 0, unchanged: 3 } });
    const after = await everyTable(db);
    expect(after.cards).toEqual(before.cards);
    expect(after.cardStates).toEqual(before.cardStates);
    expect((await db.decks.get('test-deck'))?.sections).toEqual(deck.sections);
  });
});
