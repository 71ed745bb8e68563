/**
 * Today's queue of a deck, read from the indexes: cost grows with today's limits, not with deck size. Used by the
 * review screen (reviewScreen.ts) and the home page's counts; it needs no scheduler code.
 */
import type { Collection } from 'dexie';
import { nextStudyDayStart, studyDayStart } from '../domain/day';
import {
  buildQueue,
  byDueAsIndexed,
  gateCandidates,
  type QueueCandidates,
  remainingLimits,
  summarizeToday,
  type TodayQueue,
} from '../domain/queue';
import type { CardStateRecord, ReviewLogRecord } from '../domain/records';
import type { SchedulerSettings } from '../domain/settings';
import type { CardinalDb } from './database';

export function todaysLogs(db: CardinalDb, deckId: string, now: number, dayStartHour: number) {
  return db.reviewLogs
    .where('[deckId+review]')
    .between([deckId, studyDayStart(now, dayStartHour)], [deckId, Infinity], true, true)
    .toArray();
}

/** Narrows a deck's queue (a section review keeps the section's items, a tag review the tagged cards' items). */
export type ItemFilter = (item: CardStateRecord) => boolean;

/** What one deck contributes to today's review screen. */
export type DeckToday = {
  candidates: QueueCandidates;
  /** Today's review logs of the deck (every source), as stored. */
  logs: ReviewLogRecord[];
  /** The earliest time after today's study day that an item of the deck is due, or null. */
  nextDue: number | null;
  /** How far the lists reached today's limits on this read: a good `readAhead` for the next one. */
  readAhead: ReadAhead;
};

/**
 * How many due reviews and new items to read before today's logs are in. With it, the lists are read alongside
 * the logs instead of after them. It only sizes the reads: a list read short of today's limit is read again
 * further ahead, so the result is the same whatever it says.
 */
export type ReadAhead = { reviews: number; fresh: number };

/**
 * New items are read twice the daily limit ahead: a reversed card's two items sit side by side in deck order and
 * only one of them passes the sibling gate, so one read usually suffices.
 */
const FRESH_READ_AHEAD = 2;

function aheadFor(limits: { newLeft: number; reviewsLeft: number }): ReadAhead {
  return { reviews: limits.reviewsLeft, fresh: limits.newLeft * FRESH_READ_AHEAD };
}

/**
 * Today's logs, candidates and next due time of one deck, from the indexes: cost grows with today's limits, not
 * with deck size. Reads are issued together rather than one after another: the logs, learning items and next due
 * time at once, and the due reviews and new items either alongside them (as far as `readAhead` says) or, without
 * it, as soon as the logs tell today's remaining limits. A list left short of its limit (by the sibling gate or a
 * small read-ahead) is read again further ahead. Run it inside a read transaction over cardStates and reviewLogs
 * to see one consistent snapshot.
 */
export async function readDeckToday(
  db: CardinalDb,
  deckId: string,
  now: number,
  settings: SchedulerSettings,
  readAhead?: ReadAhead,
  keep?: ItemFilter,
): Promise<DeckToday> {
  const dayEnd = nextStudyDayStart(now, settings.dayStartHour);
  const inScope = <T extends Collection<CardStateRecord, [string, string]>>(items: T) =>
    keep ? items.filter(keep) : items;
  const dueBefore = (queue: 'learning' | 'review') =>
    inScope(
      db.cardStates
        .where('[deckId+queue+due]')
        .between([deckId, queue, -Infinity], [deckId, queue, dayEnd], true, false),
    );
  const readReviews = (limit: number) =>
    limit > 0 ? dueBefore('review').limit(limit).toArray() : Promise.resolve([]);
  const readFresh = (limit: number) =>
    limit > 0
      ? inScope(
          db.cardStates
            .where('[deckId+queue+position]')
            .between([deckId, 'new', -Infinity], [deckId, 'new', Infinity]),
        )
          .limit(limit)
          .toArray()
      : Promise.resolve([]);

  let reviewRead = 0;
  let freshRead = 0;
  const logsRead = todaysLogs(db, deckId, now, settings.dayStartHour);
  const todayRead = logsRead.then((logs) => {
    const today = summarizeToday(logs);
    return { today, limits: remainingLimits(today, settings) };
  });
  const readLists = (ahead: ReadAhead) => {
    reviewRead = ahead.reviews;
    freshRead = ahead.fresh;
    return Promise.all([readReviews(reviewRead), readFresh(freshRead)]);
  };
  const listsRead = readAhead
    ? readLists(readAhead)
    : todayRead.then(({ limits }) => readLists(aheadFor(limits)));
  let [logs, learning, nextDue, { today, limits }, [reviews, fresh]] = await Promise.all([
    logsRead,
    dueBefore('learning').toArray(),
    nextDueAfterToday(db, deckId, now, settings.dayStartHour, keep),
    todayRead,
    listsRead,
  ]);
  for (;;) {
    const complete = { reviews: reviews.length < reviewRead, fresh: fresh.length < freshRead };
    const gated = gateCandidates({ learning, reviews, fresh, complete }, today, limits, now);
    if (!gated.readMore.reviews && !gated.readMore.fresh)
      return { candidates: gated.candidates, logs, nextDue, readAhead: aheadFor(limits) };
    // Further ahead: at least as far as the limit, and twice as far as last time when siblings fill the read.
    if (gated.readMore.reviews) reviewRead = Math.max(reviewRead * 2, limits.reviewsLeft);
    if (gated.readMore.fresh) freshRead = Math.max(freshRead * 2, limits.newLeft * FRESH_READ_AHEAD);
    [reviews, fresh] = await Promise.all([
      gated.readMore.reviews ? readReviews(reviewRead) : reviews,
      gated.readMore.fresh ? readFresh(freshRead) : fresh,
    ]);
  }
}

/**
 * Today's logs, candidates and next due time of one deck, narrowed to the items of a few cards (a tag review): the
 * items are read by card through `[deckId+cardId]` and put in the order the queue indexes give, so the cost grows
 * with the tagged cards, not with the deck (a filtered index walk would pass every untagged item on the way).
 */
export async function readCardsToday(
  db: CardinalDb,
  deckId: string,
  cardIds: readonly string[],
  now: number,
  settings: SchedulerSettings,
): Promise<DeckToday> {
  const dayEnd = nextStudyDayStart(now, settings.dayStartHour);
  const [logs, items] = await Promise.all([
    todaysLogs(db, deckId, now, settings.dayStartHour),
    cardIds.length === 0
      ? Promise.resolve([])
      : db.cardStates
          .where('[deckId+cardId]')
          .anyOf(cardIds.map((id) => [deckId, id]))
          .toArray(),
  ]);
  const today = summarizeToday(logs);
  const limits = remainingLimits(today, settings);
  // As the [deckId+queue+due] and [deckId+queue+position] indexes order them (ties by item id, the primary key).
  const byId = (a: CardStateRecord, b: CardStateRecord) =>
    a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
  const dueToday = (queue: 'learning' | 'review') =>
    items.filter((item) => item.queue === queue && item.due < dayEnd).sort(byDueAsIndexed);
  const fresh = items
    .filter((item) => item.queue === 'new')
    .sort((a, b) => a.position - b.position || byId(a, b));
  const raw = {
    learning: dueToday('learning'),
    reviews: dueToday('review'),
    fresh,
    complete: { reviews: true, fresh: true },
  };
  let nextDue: number | null = null;
  for (const item of items)
    if ((item.queue === 'learning' || item.queue === 'review') && item.due >= dayEnd)
      nextDue = nextDue === null ? item.due : Math.min(nextDue, item.due);
  return {
    candidates: gateCandidates(raw, today, limits, now).candidates,
    logs,
    nextDue,
    readAhead: aheadFor(limits),
  };
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

/** Learning first, then reviews, then new, deck by deck, each deck with its own limits. */
export function queueAcross(perDeck: readonly DeckToday[], now: number): TodayQueue {
  return buildQueue(
    {
      learning: perDeck.flatMap((d) => d.candidates.learning),
      reviews: perDeck.flatMap((d) => d.candidates.reviews),
      fresh: perDeck.flatMap((d) => d.candidates.fresh),
    },
    now,
  );
}

/** Today's queue across decks, each with its own limits. */
export async function loadQueueAcross(
  db: CardinalDb,
  decks: ReadonlyArray<{ deckId: string; settings: SchedulerSettings }>,
  now: number,
): Promise<TodayQueue> {
  return db.transaction('r', [db.cardStates, db.reviewLogs], async () => {
    const perDeck = await Promise.all(decks.map((d) => readDeckToday(db, d.deckId, now, d.settings)));
    return queueAcross(perDeck, now);
  });
}

/**
 * The earliest time after today's study day that an item of the deck (that `keep` keeps, when given) is due, or
 * null.
 */
export async function nextDueAfterToday(
  db: CardinalDb,
  deckId: string,
  now: number,
  dayStartHour: number,
  keep?: ItemFilter,
) {
  const dayEnd = nextStudyDayStart(now, dayStartHour);
  const first = await Promise.all(
    (['learning', 'review'] as const).map((queue) => {
      const due = db.cardStates
        .where('[deckId+queue+due]')
        .between([deckId, queue, dayEnd], [deckId, queue, Infinity]);
      return (keep ? due.filter(keep) : due).first();
    }),
  );
  const dues = first.flatMap((item) => (item ? [item.due] : []));
  return dues.length > 0 ? Math.min(...dues) : null;
}
