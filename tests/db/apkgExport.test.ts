import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import { loadApkgExport } from '../../src/db/transfer/apkgExportData';
import { commitDeckImport } from '../../src/db/transfer/deckImport';
import { readApkg } from '../../src/domain/transfer/anki/readApkg';
import { buildApkg } from '../../src/domain/transfer/anki/writeApkg';
import { loadSql } from '../domain/transfer/anki/ankiPackageBuilder';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

async function logsOf(db: CardinalDb) {
  return (await db.reviewLogs.toArray())
    .map((l) => ({ itemId: l.itemId, rating: l.rating, review: l.review, durationMs: l.durationMs }))
    .sort((a, b) => a.review - b.review);
}

/** The deck "test-deck" exported as an .apkg without history, and that package read back. */
async function exportAndRead(db: CardinalDb, now: number) {
  const input = await loadApkgExport(db, 'test-deck', false, now);
  if (!input) throw new Error('no deck');
  const read = await readApkg('t.apkg', await buildApkg(await loadSql(), input), {
    deckId: 'x',
    deckTitle: 'x',
    loadSql,
    includeHistory: false,
  });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return { input, read };
}

describe('export to Anki (.apkg) and back', () => {
  it('re-importing Cardinal’s own package gives the same cards, sections and history', async () => {
    const deck = makeDeck();
    deck.cards = [
      ...deck.cards.slice(0, 3),
      basic('rich', { front: 'Line one\nline <two>', back: 'B', backHtml: '<b>B</b> <img src="b.png">' }),
    ];
    const db = await freshDb();
    await syncDeck(db, deck, T0, { shipped: false });
    await db.media.put({
      deckId: 'test-deck',
      name: 'b.png',
      type: 'image/png',
      bytes: new Uint8Array([1, 2, 3]),
    });
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

    const input = await loadApkgExport(db, 'test-deck', true, T0 + 2 * DAY);
    if (!input) throw new Error('no deck');
    const bytes = await buildApkg(await loadSql(), input);
    const read = await readApkg('test-deck.apkg', bytes, {
      deckId: 'x',
      deckTitle: 'x',
      loadSql,
      includeHistory: true,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.deck.title).toBe('Test deck');
    const sectionTitle = new Map<string, string>();
    const walk = (list: typeof read.deck.sections) => {
      for (const s of list) {
        sectionTitle.set(s.id, s.title);
        if (s.children) walk(s.children);
      }
    };
    walk(read.deck.sections);
    walk(deck.sections);
    const comparable = (cards: typeof deck.cards) =>
      cards.map(({ section, ...rest }) => ({ ...rest, section: sectionTitle.get(section) }));
    expect(comparable(read.deck.cards)).toEqual(comparable(deck.cards));
    expect(read.media).toEqual([{ name: 'b.png', type: 'image/png', bytes: new Uint8Array([1, 2, 3]) }]);

    const again = await freshDb();
    await commitDeckImport(
      again,
      read,
      { deckId: 'test-deck', title: 'Test deck', missing: 'keep' },
      T0 + 2 * DAY,
    );
    expect(await logsOf(again)).toEqual(await logsOf(db));
    const before = await db.cardStates.get(['test-deck', 'a.one#1']);
    const after = await again.cardStates.get(['test-deck', 'a.one#1']);
    expect(after?.fsrs).toMatchObject({
      reps: before?.fsrs.reps,
      state: before?.fsrs.state,
      stability: expect.closeTo(before?.fsrs.stability ?? 0, 3),
      difficulty: expect.closeTo(before?.fsrs.difficulty ?? 0, 3),
    });
  });

  it('keeps when each card was added (as its Anki note id), so a re-import dates the cards as before', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const added = { 'a.one': T0 - 30 * DAY, 'a.two': T0 - 2 * DAY };
    await db.transaction('rw', db.cards, async () => {
      for (const [id, at] of Object.entries(added)) await db.cards.update(['test-deck', id], { addedAt: at });
    });
    const { input, read } = await exportAndRead(db, T0 + DAY);
    // Cards installed at T0 share that moment; each still gets its own note id, a millisecond or so later.
    const offsets = input.cards.map(
      (c) => (read.addedAt?.[c.id] ?? 0) - (added[c.id as keyof typeof added] ?? T0),
    );
    expect(offsets.every((ms) => ms >= 0 && ms < input.cards.length)).toBe(true);
    expect(read.addedAt?.['a.one']).toBe(added['a.one']);
    expect(read.addedAt?.['a.two']).toBe(added['a.two']);
  });

  it('sends mcq and true/false as Basic notes with the options in the front', async () => {
    const db = await freshDb();
    await syncDeck(db, makeDeck(), T0, { shipped: false });
    const { read } = await exportAndRead(db, T0);
    expect(read.deck.cards.find((c) => c.id === 'b.mcq')).toMatchObject({
      kind: 'basic',
      front: 'Which storage is block-level?\nSAN\nNAS\nDAS over a network',
      back: 'SAN\n\nGuide, SAN.',
    });
    expect(read.deck.cards.find((c) => c.id === 'b.tf')).toMatchObject({
      kind: 'basic',
      front: 'NAS is file-level.\n\nTrue or false?',
    });
  });
});
