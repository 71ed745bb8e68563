/**
 * The daily review loop's reads and writes. Each answer (state + log) and each undo is one transaction.
 */
import { type AnswerInput, answerItem, undoAnswer } from '../domain/answer';
import { nextStudyDayStart } from '../domain/day';
import { type CardStateRecord, type Flag, queueOf, type ReviewLogRecord } from '../domain/records';
import type { SchedulerSettings } from '../domain/settings';
import type { CardinalDb } from './database';
import { todaysLogs } from './reviewDay';

// Today's queue is read by reviewDay.ts (also used by the home page, without the scheduler).
export {
  type DeckToday,
  loadQueueAcross,
  loadTodayQueue,
  nextDueAfterToday,
  queueAcross,
  type ReadAhead,
  readDeckToday,
  todaysLogs,
} from './reviewDay';

export class StaleItemError extends Error {}

/** The item as the screen showed it: an answer is refused if the stored item has moved on since. */
export type ShownAs = { reps: number; lastReview: number | null };

/**
 * Stores an answer: the item's new state and its review log, together or not at all. With `shownAs`, the stored
 * item is checked inside the same transaction: if it was answered meanwhile (in another tab), nothing is written
 * and StaleItemError says so, so an answer is never applied to a state the user did not see.
 */
export async function recordAnswer(
  db: CardinalDb,
  deckId: string,
  itemId: string,
  input: AnswerInput,
  settings: SchedulerSettings,
  shownAs?: ShownAs,
): Promise<{ logId: number; becameLeech: boolean; item: CardStateRecord }> {
  return db.transaction('rw', [db.cardStates, db.reviewLogs], async () => {
    const item = await db.cardStates.get([deckId, itemId]);
    if (!item) throw new StaleItemError(`No review item "${itemId}" in deck "${deckId}"`);
    if (shownAs && (item.fsrs.reps !== shownAs.reps || item.fsrs.last_review !== shownAs.lastReview))
      throw new StaleItemError(
        'This card was answered in another tab meanwhile; your answer was not counted twice.',
      );
    const result = answerItem(item, input, settings);
    // Both writes are issued at once; either failing aborts the transaction, so neither lands alone.
    const [, logId] = await Promise.all([db.cardStates.put(result.item), db.reviewLogs.add(result.log)]);
    if (logId === undefined) throw new Error('The review log was not stored');
    return { logId, becameLeech: result.becameLeech, item: result.item };
  });
}

/** The most recent answer given in the review screen today, which undo would take back. */
export async function lastUndoable(
  db: CardinalDb,
  deckId: string,
  now: number,
  dayStartHour: number,
): Promise<ReviewLogRecord | undefined> {
  return latestUndoable(await todaysLogs(db, deckId, now, dayStartHour));
}

/** Of one deck's logs of today, the answer undo would take back: the last one given in the review screen. */
export function latestUndoable(logs: readonly ReviewLogRecord[]): ReviewLogRecord | undefined {
  let latest: ReviewLogRecord | undefined;
  for (const log of logs)
    if (log.source === 'review' && (latest === undefined || (log.id ?? 0) > (latest.id ?? 0))) latest = log;
  return latest;
}

/** Takes back the last answer of today: the item's previous state returns exactly and its log is deleted. */
export async function undoLastAnswer(
  db: CardinalDb,
  deckId: string,
  now: number,
  dayStartHour: number,
): Promise<ReviewLogRecord | undefined> {
  return db.transaction('rw', [db.cardStates, db.reviewLogs], async () => {
    const log = await lastUndoable(db, deckId, now, dayStartHour);
    if (!log || log.id === undefined) return undefined;
    const item = await db.cardStates.get([deckId, log.itemId]);
    if (item) await db.cardStates.put(undoAnswer(item, log));
    await db.reviewLogs.delete(log.id);
    return log;
  });
}

/** Hides an item until the next study day starts. */
export async function buryItem(
  db: CardinalDb,
  deckId: string,
  itemId: string,
  now: number,
  dayStartHour: number,
) {
  await db.cardStates.update([deckId, itemId], { buriedUntil: nextStudyDayStart(now, dayStartHour) });
}

export async function setSuspended(db: CardinalDb, deckId: string, itemId: string, suspended: boolean) {
  await db.transaction('rw', [db.cardStates], async () => {
    const item = await db.cardStates.get([deckId, itemId]);
    if (!item) return;
    const next = { ...item, suspended };
    await db.cardStates.put({ ...next, queue: queueOf(next) });
  });
}

export async function setFlag(db: CardinalDb, deckId: string, itemId: string, flag: Flag) {
  await db.cardStates.update([deckId, itemId], { flag });
}

/** Marks or unmarks a card: all its review items, in one transaction. */
export async function setMarked(db: CardinalDb, deckId: string, cardId: string, marked: boolean) {
  await db.cardStates.where('[deckId+cardId]').equals([deckId, cardId]).modify({ marked });
}
