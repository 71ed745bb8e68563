/**
 * The daily review loop's reads and writes. Each answer (state + log) and each undo is one transaction.
 */
import { type AnswerInput, answerItem, undoAnswer } from '../domain/answer';
import { nextStudyDayStart, studyDayStart } from '../domain/day';
import { buildQueue, remainingLimits, siblingGate, summarizeToday, type TodayQueue } from '../domain/queue';
import { type CardStateRecord, type Flag, queueOf, type ReviewLogRecord } from '../domain/records';
import type { SchedulerSettings } from '../domain/settings';
import type { CardinalDb } from './database';

export function todaysLogs(db: CardinalDb, deckId: string, now: number, dayStartHour: number) {
  return db.reviewLogs
    .where('[deckId+review]')
    .between([deckId, studyDayStart(now, dayStartHour)], [deckId, Infinity], true, true)
    .toArray();
}

/** Today's candidates for one deck, from the indexes: cost grows with today's limits, not with deck size. */
async function loadCandidates(db: CardinalDb, deckId: string, now: number, settings: SchedulerSettings) {
  const today = summarizeToday(await todaysLogs(db, deckId, now, settings.dayStartHour));
  const { newLeft, reviewsLeft } = remainingLimits(today, settings);
  const dayEnd = nextStudyDayStart(now, settings.dayStartHour);
  const accept = siblingGate(today, now);
  const dueBefore = (queue: 'learning' | 'review') =>
    db.cardStates
      .where('[deckId+queue+due]')
      .between([deckId, queue, -Infinity], [deckId, queue, dayEnd], true, false);
  const learning = (await dueBefore('learning').toArray()).filter(accept);
  const reviews =
    reviewsLeft > 0 ? await dueBefore('review').filter(accept).limit(reviewsLeft).toArray() : [];
  const fresh =
    newLeft > 0
      ? await db.cardStates
          .where('[deckId+queue+position]')
          .between([deckId, 'new', -Infinity], [deckId, 'new', Infinity])
          .filter(accept)
          .limit(newLeft)
          .toArray()
      : [];
  return { learning, reviews, fresh };
}

/** Today's queue for one deck. */
export async function loadTodayQueue(
  db: CardinalDb,
  deckId: string,
  now: number,
  settings: SchedulerSettings,
): Promise<TodayQueue> {
  return loadQueueAcross(db, [{ deckId, settings }], now);
}

/** Today's queue across decks, each with its own limits: learning first, then reviews, then new, deck by deck. */
export async function loadQueueAcross(
  db: CardinalDb,
  decks: ReadonlyArray<{ deckId: string; settings: SchedulerSettings }>,
  now: number,
): Promise<TodayQueue> {
  return db.transaction('r', [db.cardStates, db.reviewLogs], async () => {
    const perDeck = await Promise.all(decks.map((d) => loadCandidates(db, d.deckId, now, d.settings)));
    return buildQueue(
      {
        learning: perDeck.flatMap((c) => c.learning),
        reviews: perDeck.flatMap((c) => c.reviews),
        fresh: perDeck.flatMap((c) => c.fresh),
      },
      now,
    );
  });
}

/** The earliest time after today's study day that an item of the deck is due, or null. */
export async function nextDueAfterToday(db: CardinalDb, deckId: string, now: number, dayStartHour: number) {
  const dayEnd = nextStudyDayStart(now, dayStartHour);
  const first = await Promise.all(
    (['learning', 'review'] as const).map((queue) =>
      db.cardStates
        .where('[deckId+queue+due]')
        .between([deckId, queue, dayEnd], [deckId, queue, Infinity])
        .first(),
    ),
  );
  const dues = first.flatMap((item) => (item ? [item.due] : []));
  return dues.length > 0 ? Math.min(...dues) : null;
}

export class StaleItemError extends Error {}

/** Stores an answer: the item's new state and its review log, together or not at all. */
export async function recordAnswer(
  db: CardinalDb,
  deckId: string,
  itemId: string,
  input: AnswerInput,
  settings: SchedulerSettings,
): Promise<{ logId: number; becameLeech: boolean; item: CardStateRecord }> {
  return db.transaction('rw', [db.cardStates, db.reviewLogs], async () => {
    const item = await db.cardStates.get([deckId, itemId]);
    if (!item) throw new StaleItemError(`No review item "${itemId}" in deck "${deckId}"`);
    const result = answerItem(item, input, settings);
    await db.cardStates.put(result.item);
    const logId = await db.reviewLogs.add(result.log);
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
  const logs = await todaysLogs(db, deckId, now, dayStartHour);
  return logs.filter((log) => log.source === 'review').sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
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
