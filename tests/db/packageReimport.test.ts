import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/database';
import { commitDeckImport } from '../../src/db/transfer/deckImport';
import { findDeckHoldingCards } from '../../src/db/transfer/matchDeck';
import { readApkg } from '../../src/domain/transfer/anki/readApkg';
import { idFromGuid } from '../../src/domain/transfer/ids';
import type { ParsedImport } from '../../src/domain/transfer/parsedImport';
import { intoStoredDeck } from '../../src/features/transfer/storedDeckMatch';
import { apkg21b } from '../domain/transfer/anki/anki21bBuilder';
import { apkg, DECK, loadSql, MODEL } from '../domain/transfer/anki/ankiPackageBuilder';
import { DAY, freshDb, T0 } from '../helpers/builders';

const N = 1_700_000_000_000;
const note = (n: number, front: string) => ({
  id: N + n,
  guid: `guid-${n}`,
  mid: MODEL.basic,
  fields: [front, `answer ${n}`],
  cards: [{ id: n, ord: 0, did: DECK.vlans }],
});

async function readPackage(fileName: string, bytes: Uint8Array): Promise<ParsedImport> {
  const read = await readApkg(fileName, bytes, {
    deckId: 'x',
    deckTitle: 'x',
    loadSql,
    includeHistory: true,
  });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read;
}

describe('an Anki package imported again, newer and under another file name', () => {
  it('updates the notes it has in the deck that holds them (matched by guid), keeping history and the title', async () => {
    const db = await freshDb();
    const v1 = await readPackage(
      'vocab-2025.apkg',
      await apkg({
        notes: [note(1, 'one'), note(2, 'two')],
        revlog: [{ id: T0 - DAY, cid: 1, ease: 3, type: 0 }],
      }),
    );
    expect([v1.deck.id, v1.deck.title]).toEqual(['networking', 'Networking']);
    await commitDeckImport(db, v1, { deckId: 'my-vocab', title: 'My vocabulary', missing: 'keep' }, T0);
    const stateBefore = await db.cardStates.get(['my-vocab', `${idFromGuid('guid-1')}#1`]);
    expect(stateBefore?.fsrs.reps).toBe(1);

    const v2 = await readPackage(
      'vocab-2026.apkg',
      await apkg21b({
        notes: [note(1, 'one, corrected'), note(2, 'two'), note(3, 'three')],
        revlog: [{ id: T0 - DAY, cid: 1, ease: 3, type: 0 }],
      }),
    );
    const matched = await intoStoredDeck(db, v2);
    expect([matched.deck.id, matched.deck.title]).toEqual(['my-vocab', 'My vocabulary']);

    const result = await commitDeckImport(
      db,
      matched,
      { deckId: matched.deck.id, title: matched.deck.title, missing: 'keep' },
      T0 + DAY,
    );
    expect(result).toMatchObject({
      ok: true,
      summary: {
        isNewDeck: false,
        added: 1,
        updated: 1,
        unchanged: 1,
        history: { added: 0, alreadyStored: 1 },
      },
    });
    expect(await db.decks.count()).toBe(1);
    expect((await db.decks.get('my-vocab'))?.title).toBe('My vocabulary');
    expect((await db.cards.get(['my-vocab', idFromGuid('guid-1')]))?.card).toMatchObject({
      front: 'one, corrected',
    });
    expect(await db.cardStates.get(['my-vocab', `${idFromGuid('guid-1')}#1`])).toEqual(stateBefore);
    expect(await db.reviewLogs.count()).toBe(1);
    // Each card was added when its Anki note was created (the note id), and keeps that date on re-import.
    const added = async (n: number) => (await db.cards.get(['my-vocab', idFromGuid(`guid-${n}`)]))?.addedAt;
    expect([await added(1), await added(2), await added(3)]).toEqual([N + 1, N + 2, N + 3]);
  });

  it('finds no deck for a package none of whose notes are stored', async () => {
    const db = await freshDb();
    expect(await findDeckHoldingCards(db, ['g-unknown'])).toBeUndefined();
  });
});

describe('schema version 3', () => {
  it('opens a version-2 database with its cards, now also found by card id', async () => {
    const name = `cardinal-v2-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores({
      decks: 'id',
      cards: '[deckId+id], deckId',
      cardStates:
        '[deckId+itemId], deckId, [deckId+cardId], [deckId+queue], [deckId+queue+due], [deckId+queue+position]',
      reviewLogs: '++id, [deckId+itemId], [deckId+review], review',
      settings: 'key',
    });
    old.version(2).stores({ exams: 'id, status, deckId, startedAt, [deckId+status]' });
    await old.open();
    await old.table('decks').put({ id: 'd', title: 'Deck' });
    await old.table('cards').put({ deckId: 'd', id: 'g-1', position: 0, retired: false });
    old.close();
    const db = createDb(name);
    await db.open();
    expect(await db.cards.where('id').equals('g-1').count()).toBe(1);
    expect(await findDeckHoldingCards(db, ['g-1'])).toEqual({ deckId: 'd', title: 'Deck', matchingCards: 1 });
    db.close();
  });
});
