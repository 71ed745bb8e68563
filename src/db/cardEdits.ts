/**
 * Editing and adding cards. Each save is one transaction over the card, its review items and its deck. In a
 * shipped deck the user's version is kept apart from the shipped text (domain/overrides.ts).
 */
import { z } from 'zod';
import { type ItemChange, reconcileItems } from '../domain/cardItems';
import type { Card, CardKind } from '../domain/deck/schema';
import { newCardId } from '../domain/deck/validateCard';
import { addedCard, editedCard, keepMine, takeTheirs } from '../domain/overrides';
import type { CardRecord } from '../domain/records';
import type { CardinalDb } from './database';
import { getSetting, putSetting } from './settingsRepo';

async function stored(db: CardinalDb, deckId: string, cardId: string) {
  const [deck, card, items] = await Promise.all([
    db.decks.get(deckId),
    db.cards.get([deckId, cardId]),
    db.cardStates.where('[deckId+cardId]').equals([deckId, cardId]).toArray(),
  ]);
  if (!deck || !card) throw new Error(`There is no card "${cardId}" in deck "${deckId}"`);
  return { deck, card, items };
}

export async function readCard(db: CardinalDb, deckId: string, cardId: string) {
  return db.cards.get([deckId, cardId]);
}

/** What saving `next` would do to the card's review items (nothing is written). */
export async function previewCardEdit(
  db: CardinalDb,
  deckId: string,
  cardId: string,
  next: Card,
  now: number,
): Promise<ItemChange> {
  const { card, items } = await stored(db, deckId, cardId);
  return reconcileItems(deckId, next, card.position, items, now);
}

/** Saves an edit: wording fixes keep every item's review state; items no longer asked are retired. */
export async function saveCardEdit(
  db: CardinalDb,
  deckId: string,
  cardId: string,
  next: Card,
  now: number,
): Promise<ItemChange> {
  if (next.id !== cardId) throw new Error('A card keeps its id when edited');
  return db.transaction('rw', [db.decks, db.cards, db.cardStates], async () => {
    const { deck, card, items } = await stored(db, deckId, cardId);
    const change = reconcileItems(deckId, next, card.position, items, now);
    await db.cards.put(editedCard(card, next, deck.shipped));
    await db.cardStates.bulkPut(change.put);
    return change;
  });
}

/**
 * Adds a new card at the end of a deck, with its review items as new. Its id is made from its text
 * (`u.<words>`, made unique in the deck). Returns the id.
 */
export async function addCard(db: CardinalDb, deckId: string, draft: Card, now: number): Promise<string> {
  return db.transaction('rw', [db.decks, db.cards, db.cardStates], async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new Error(`There is no deck "${deckId}"`);
    let id = newCardId(questionText(draft), () => false);
    for (let n = 2; await db.cards.get([deckId, id]); n++)
      id = `${newCardId(questionText(draft), () => false)}-${n}`;
    const card = { ...draft, id };
    // After every card the deck has held (retired ones included): new items come after the deck's own.
    const position = await db.cards.where('deckId').equals(deckId).count();
    const record: CardRecord = addedCard(deckId, card, position, deck.shipped, now);
    const change = reconcileItems(deckId, card, position, [], now);
    await db.cards.add(record);
    await db.cardStates.bulkPut(change.put);
    await db.decks.put({ ...deck, cardCount: deck.cardCount + 1, updatedAt: now });
    return id;
  });
}

function questionText(card: Card): string {
  switch (card.kind) {
    case 'basic':
      return card.front;
    case 'cloze':
      return card.text.replace(/\{\{c\d+::|::[^}]*|\}\}/g, '');
    case 'mcq':
      return card.prompt;
    case 'truefalse':
      return card.statement;
  }
}

/** Resolves an "updated upstream" card: keep the user's version, or take the shipped one. */
export async function resolveUpstream(
  db: CardinalDb,
  deckId: string,
  cardId: string,
  choice: 'mine' | 'theirs',
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.decks, db.cards, db.cardStates], async () => {
    const { deck, card, items } = await stored(db, deckId, cardId);
    if (choice === 'mine') {
      await db.cards.put(keepMine(card));
      return;
    }
    const next = takeTheirs(card);
    await db.cards.put(next);
    if (next.retired) {
      await db.cardStates.bulkPut(
        items.filter((i) => !i.retired).map((i) => ({ ...i, retired: true, queue: 'retired' as const })),
      );
      await db.decks.put({ ...deck, cardCount: Math.max(0, deck.cardCount - 1) });
    } else await db.cardStates.bulkPut(reconcileItems(deckId, next.card, card.position, items, now).put);
  });
}

const lastAddSchema = z.object({
  deckId: z.string(),
  kind: z.enum(['basic', 'cloze', 'mcq', 'truefalse']),
});
const LAST_ADD = 'editor:lastAdd';

/** The deck and kind the user last added a card to, for the next "Add card". */
export function getLastAdd(db: CardinalDb): Promise<{ deckId: string; kind: CardKind } | null> {
  return getSetting(db, LAST_ADD, lastAddSchema.nullable(), null);
}

export function putLastAdd(db: CardinalDb, deckId: string, kind: CardKind): Promise<void> {
  return putSetting(db, LAST_ADD, { deckId, kind });
}
