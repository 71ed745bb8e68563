import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteItems, moveItems, retagItems } from '../../src/db/browse/actions';
import { undoChange } from '../../src/db/browse/changes';
import { addCard, saveCardEdit } from '../../src/db/cardEdits';
import type { CardinalDb } from '../../src/db/database';
import { createDeck, deleteDeck } from '../../src/db/deckEdits';
import { syncDeck } from '../../src/db/deckInstall';
import { exportBackup, restoreBackup, tableKeys } from '../../src/db/transfer/backupRepo';
import { commitDeckImport } from '../../src/db/transfer/deckImport';
import type { Card } from '../../src/domain/deck/schema';
import { examCandidates } from '../../src/domain/exam/candidates';
import { readBackup } from '../../src/domain/transfer/backup';
import { readDeckJson } from '../../src/domain/transfer/deckJson';
import type { ParsedImport } from '../../src/domain/transfer/parsedImport';
import { EXAM_CARDS, EXAM_DECK_META, EXAM_SECTIONS } from '../domain/exam/examDeck';
import { freshDb, makeDeck, T0 } from '../helpers/builders';

const DECK = 'test-deck';
const examDeck = (cards: Card[] = EXAM_CARDS, meta = EXAM_DECK_META) =>
  makeDeck({ sections: EXAM_SECTIONS, cards, ...meta });

/**
 * What the stored index must hold: for every deck, exactly one row per card `examCandidates` can ask, with that
 * card's section, askable ordinals and [deck, section, tag] keys.
 */
async function expectIndexInStep(db: CardinalDb): Promise<void> {
  const expected: unknown[] = [];
  for (const deck of await db.decks.toArray()) {
    const cards = await db.cards
      .where('[deckId+id]')
      .between([deck.id, Dexie.minKey], [deck.id, Dexie.maxKey])
      .toArray();
    const byCard = new Map<string, { section: string; ordinals: number[]; tags: string[] }>();
    for (const c of examCandidates(cards, deck)) {
      const row = byCard.get(c.cardId) ?? { section: c.section, ordinals: [], tags: c.tags };
      row.ordinals.push(Number(c.itemId.slice(c.itemId.lastIndexOf('#') + 1)));
      byCard.set(c.cardId, row);
    }
    for (const [cardId, row] of byCard)
      expected.push({
        deckId: deck.id,
        cardId,
        section: row.section,
        ordinals: row.ordinals.sort((a, b) => a - b),
        sectionTags: [...new Set(row.tags)].map((t) => [deck.id, row.section, t]),
      });
  }
  const key = (r: unknown) => {
    const { deckId, cardId } = r as { deckId: string; cardId: string };
    return `${deckId}\u0000${cardId}`;
  };
  const sort = (rows: unknown[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  expect(sort(await db.examItems.toArray())).toEqual(sort(expected));
}

async function installed(): Promise<CardinalDb> {
  const db = await freshDb();
  await syncDeck(db, examDeck(), T0, { shipped: true });
  return db;
}

describe('the exam index stays in step with the cards', () => {
  it('after a deck install, and holds a row for every askable card only', async () => {
    const db = await installed();
    await expectIndexInStep(db);
    const rows = await db.examItems.count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(EXAM_CARDS.length);
  });

  it('after a deck update that changes cards, and one that changes only the answer sets', async () => {
    const db = await installed();
    const [first, ...rest] = EXAM_CARDS;
    const moved = { ...(first as Card), section: 'vxlan' } as Card;
    await syncDeck(db, { ...examDeck([moved, ...rest.slice(2)]), version: 2 }, T0, { shipped: true });
    await expectIndexInStep(db);
    await syncDeck(db, { ...examDeck([moved, ...rest.slice(2)], { answerSets: [] }), version: 3 }, T0, {
      shipped: true,
    });
    await expectIndexInStep(db);
  });

  it('after the card editor saves, and after Add card', async () => {
    const db = await installed();
    const card = EXAM_CARDS.find((c) => c.kind === 'mcq');
    if (card?.kind !== 'mcq') throw new Error('the exam deck has an mcq');
    await saveCardEdit(db, DECK, card.id, { ...card, section: 'nas', tags: ['moved'] }, T0);
    await expectIndexInStep(db);
    await saveCardEdit(
      db,
      DECK,
      card.id,
      { ...card, options: [card.options[card.correct[0] ?? 0] ?? ''], correct: [0] },
      T0,
    );
    await expectIndexInStep(db);
    await addCard(
      db,
      DECK,
      {
        id: 'x',
        section: 'san',
        kind: 'truefalse',
        statement: 'SANs are block storage.',
        answer: true,
        explanation: '',
      },
      T0,
    );
    await expectIndexInStep(db);
    expect(await db.examItems.where('[deckId+section]').equals([DECK, 'san']).count()).toBeGreaterThan(0);
  });

  it('after bulk actions in Browse (retag, move, delete) and their undo', async () => {
    const db = await installed();
    await createDeck(db, { title: 'Other', description: '' }, T0);
    const keys = EXAM_CARDS.slice(0, 6).map((c): [string, string] => [DECK, `${c.id}#1`]);
    const retagged = await retagItems(db, keys, ['new-tag'], ['storage']);
    await expectIndexInStep(db);
    await undoChange(db, retagged.undo);
    await expectIndexInStep(db);
    const other = (await db.decks.toArray()).find((d) => d.id !== DECK)?.id ?? '';
    const moved = await moveItems(db, keys.slice(0, 3), other);
    await expectIndexInStep(db);
    await undoChange(db, moved.undo);
    await expectIndexInStep(db);
    const deleted = await deleteItems(db, keys.slice(3));
    await expectIndexInStep(db);
    await undoChange(db, deleted.undo);
    await expectIndexInStep(db);
  });

  it('after a deck is deleted', async () => {
    const db = await installed();
    await deleteDeck(db, DECK);
    expect(await db.examItems.count()).toBe(0);
    await expectIndexInStep(db);
  });

  it('after a deck file import', async () => {
    const db = await freshDb();
    const read = readDeckJson('deck.json', JSON.stringify(examDeck()));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const file: ParsedImport = read;
    await commitDeckImport(db, file, { deckId: 'imported', title: 'Imported', missing: 'retire' }, T0);
    expect(
      await db.examItems
        .where('[deckId+cardId]')
        .between(['imported', Dexie.minKey], ['imported', Dexie.maxKey])
        .count(),
    ).toBeGreaterThan(0);
    await expectIndexInStep(db);
  });

  it('after a backup restore (replace and merge); backups leave the derived index out', async () => {
    const db = await installed();
    const backup = await exportBackup(db, T0);
    expect(Object.keys(backup.tables)).not.toContain('examItems');
    const read = readBackup('b.json', JSON.stringify(backup), tableKeys(db));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const target = await freshDb();
    await restoreBackup(target, read.backup, 'replace');
    await expectIndexInStep(target);
    expect(await target.examItems.count()).toBe(await db.examItems.count());
    await restoreBackup(target, read.backup, 'merge');
    await expectIndexInStep(target);
  });
});
