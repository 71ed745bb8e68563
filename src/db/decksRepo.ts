import { Dexie } from 'dexie';
import type { DeckRecord } from '../domain/records';
import type { CardinalDb } from './database';
import { readDeckToday } from './reviewDay';
import { getSchedulerSettings } from './schedulerSettingsRepo';

/**
 * A deck's counts on the home page, with the review page's meanings:
 * - `dueNow`: learning and review items in today's queue (as the review page counts them, within today's limits)
 * - `newToday`: never-studied items today's new-card limit still lets in (siblings not on the same day)
 * - `unseen`: every never-studied item, whatever the limit
 */
export type DeckCounts = {
  /** Active (not retired) cards. */
  cards: number;
  dueNow: number;
  newToday: number;
};

/** The stored content version of each of `ids` that is installed (start-up compares it with the shipped one). */
export async function storedDeckVersions(
  db: CardinalDb,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db.decks.bulkGet([...ids]);
  return new Map(rows.flatMap((row) => (row ? [[row.id, row.version] as const] : [])));
}

export function listDecks(db: CardinalDb): Promise<DeckRecord[]> {
  return db.decks.orderBy('id').toArray();
}

/**
 * One deck's counts, in one read transaction: today's queue, bounded by today's limits (see reviewDay.ts). Reads
 * only this deck's index ranges, so a live query over it re-runs only when this deck's items or logs change.
 */
export async function deckCounts(
  db: CardinalDb,
  deck: Pick<DeckRecord, 'id' | 'cardCount'>,
  now: number,
): Promise<DeckCounts> {
  return db.transaction('r', [db.cardStates, db.reviewLogs, db.settings], async () => {
    const settings = await getSchedulerSettings(db, deck.id);
    const { learning, reviews, fresh } = (await readDeckToday(db, deck.id, now, settings)).candidates;
    return { cards: deck.cardCount, dueNow: learning.length + reviews.length, newToday: fresh.length };
  });
}

/**
 * How many of a deck's items were never studied: `count()` on the [deckId+queue] index. Read apart from (and
 * after) deckCounts: Chromium counts an index range on disk by walking it, about 420 ms for 50,000 new items,
 * and the requests issued after it wait for it, so today's counts are not made to wait for this one.
 */
export function deckUnseen(db: CardinalDb, deckId: string): Promise<number> {
  return db.cardStates.where('[deckId+queue]').equals([deckId, 'new']).count();
}

/**
 * Whether a practice exam can ask anything of a deck: one key of the exam index (db/examIndex.ts) read, so the
 * home page hides "Practice exam" for decks without exam questions at no cost.
 */
export async function hasExamQuestions(db: CardinalDb, deckId: string): Promise<boolean> {
  const keys = await db.examItems
    .where('[deckId+cardId]')
    .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
    .limit(1)
    .primaryKeys();
  return keys.length > 0;
}
