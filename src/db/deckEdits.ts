/**
 * Creating, renaming and deleting decks. Deleting is one transaction over every table that holds the deck's rows.
 * A deleted shipped deck is remembered (setting `deck:deleted:<id>`) so start-up does not install it again.
 */
import { DECK_FORMAT, DECK_FORMAT_VERSION } from '../domain/deck/schema';
import { newCardId } from '../domain/deck/validateCard';
import type { DeckRecord } from '../domain/records';
import { schedulerSettingsKey } from '../domain/settings';
import type { CardinalDb } from './database';

export const deletedDeckKey = (deckId: string) => `deck:deleted:${deckId}`;

/** Creates an empty deck with one section; returns its id (made from its title, unique). */
export async function createDeck(
  db: CardinalDb,
  input: { title: string; description: string },
  now: number,
): Promise<string> {
  return db.transaction('rw', [db.decks, db.settings], async () => {
    const base = newCardId(input.title, () => false).replace(/^u\./, '');
    let id = base;
    for (let n = 2; await db.decks.get(id); n++) id = `${base}-${n}`;
    const deck: DeckRecord = {
      format: DECK_FORMAT,
      formatVersion: DECK_FORMAT_VERSION,
      id,
      version: 1,
      title: input.title.trim(),
      description: input.description.trim() || 'My own cards.',
      source: { title: 'My own cards' },
      sections: [{ id: 'general', title: 'General' }],
      shipped: false,
      installedAt: now,
      updatedAt: now,
      cardCount: 0,
    };
    await db.decks.add(deck);
    await db.settings.delete(deletedDeckKey(id));
    return id;
  });
}

export async function updateDeckText(
  db: CardinalDb,
  deckId: string,
  input: { title: string; description: string },
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.decks], async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new Error(`There is no deck "${deckId}"`);
    await db.decks.put({
      ...deck,
      title: input.title.trim(),
      description: input.description.trim(),
      updatedAt: now,
    });
  });
}

export type DeckDeletion = { cards: number; logs: number; exams: number };

/** What deleting a deck removes, counted from the indexes. */
export async function deletionCounts(db: CardinalDb, deckId: string): Promise<DeckDeletion> {
  const [cards, logs, exams] = await Promise.all([
    db.cards.where('deckId').equals(deckId).count(),
    db.reviewLogs.where('[deckId+review]').between([deckId, -Infinity], [deckId, Infinity]).count(),
    db.exams.where('deckId').equals(deckId).count(),
  ]);
  return { cards, logs, exams };
}

/** Deletes a deck with its cards, review items, review logs, exams, media and settings, in one transaction. */
export async function deleteDeck(db: CardinalDb, deckId: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.decks, db.cards, db.cardStates, db.reviewLogs, db.exams, db.settings, db.media],
    async () => {
      const deck = await db.decks.get(deckId);
      if (!deck) return;
      await Promise.all([
        db.cards.where('deckId').equals(deckId).delete(),
        db.cardStates.where('deckId').equals(deckId).delete(),
        db.reviewLogs.where('[deckId+review]').between([deckId, -Infinity], [deckId, Infinity]).delete(),
        db.exams.where('deckId').equals(deckId).delete(),
        db.media.where('deckId').equals(deckId).delete(),
        db.settings.bulkDelete([schedulerSettingsKey(deckId), `exam:date:${deckId}`]),
      ]);
      await db.decks.delete(deckId);
      if (deck.shipped) await db.settings.put({ key: deletedDeckKey(deckId), value: true });
    },
  );
}
