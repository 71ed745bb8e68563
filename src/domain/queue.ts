/**
 * Today's queue, as Anki builds it: learning/relearning items whose step is due, then due reviews (up to the
 * daily review limit), then new items (up to the daily new limit). Siblings (items of one card) are not shown
 * on the same day. Pure: the db layer fetches candidates in index order and passes them through `siblingGate`.
 */
import type { CardStateRecord, ReviewLogRecord } from './records';

/** Learning items due within this window are shown early when nothing else is left (Anki's default). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export type TodayContext = {
  /** New items introduced today (answers given to items that were new), for the new-per-day limit. */
  newDone: number;
  /** Answers to review-state items today, for the reviews-per-day limit. */
  reviewsDone: number;
  /** Cards with an item answered today: their other items wait until tomorrow. */
  cardsSeen: ReadonlySet<string>;
};

export function summarizeToday(
  logs: ReadonlyArray<Pick<ReviewLogRecord, 'state' | 'cardId' | 'source'>>,
): TodayContext {
  let newDone = 0;
  let reviewsDone = 0;
  const cardsSeen = new Set<string>();
  for (const log of logs) {
    cardsSeen.add(log.cardId);
    if (log.source !== 'review') continue;
    if (log.state === 0) newDone++;
    else if (log.state === 2) reviewsDone++;
  }
  return { newDone, reviewsDone, cardsSeen };
}

export function remainingLimits(
  today: TodayContext,
  settings: { newPerDay: number; reviewsPerDay: number },
): { newLeft: number; reviewsLeft: number } {
  return {
    newLeft: Math.max(0, settings.newPerDay - today.newDone),
    reviewsLeft: Math.max(0, settings.reviewsPerDay - today.reviewsDone),
  };
}

/**
 * A stateful filter for candidates taken in queue order (learning, then reviews, then new): it accepts an item
 * unless it is buried or a sibling was answered today or already accepted, and remembers what it accepted.
 */
export function siblingGate(today: TodayContext, now: number): (item: CardStateRecord) => boolean {
  const claimed = new Set(today.cardsSeen);
  return (item) => {
    if (item.buriedUntil > now) return false;
    if (item.queue === 'learning') {
      claimed.add(item.cardId);
      return true;
    }
    if (claimed.has(item.cardId)) return false;
    claimed.add(item.cardId);
    return true;
  };
}

export type QueueCandidates = {
  /** Learning/relearning items due before the day ends, gated. */
  learning: readonly CardStateRecord[];
  /** Due review items in due order, gated, at most reviewsLeft. */
  reviews: readonly CardStateRecord[];
  /** New items in deck order, gated, at most newLeft. */
  fresh: readonly CardStateRecord[];
};

/**
 * Candidates as read from the indexes, in index order, before the gate and the daily limits. A list read with
 * a limit may stop before its end: `complete` says which lists hold every candidate there is.
 */
export type RawCandidates = {
  learning: readonly CardStateRecord[];
  reviews: readonly CardStateRecord[];
  fresh: readonly CardStateRecord[];
  complete: { reviews: boolean; fresh: boolean };
};

export type GatedCandidates = {
  candidates: QueueCandidates;
  /** Lists that fell short of today's limit only because the read stopped early: read more and gate again. */
  readMore: { reviews: boolean; fresh: boolean };
};

/**
 * Applies `siblingGate` and today's limits to candidates read in index order: learning items all, then due
 * reviews until `reviewsLeft` pass, then new items until `newLeft` pass. The gate sees exactly the items a
 * filtered, limited index walk would offer it, so the result does not depend on how far ahead the lists were read.
 */
export function gateCandidates(
  raw: RawCandidates,
  today: TodayContext,
  limits: { newLeft: number; reviewsLeft: number },
  now: number,
): GatedCandidates {
  const accept = siblingGate(today, now);
  const learning = raw.learning.filter(accept);
  const take = (list: readonly CardStateRecord[], limit: number) => {
    const taken: CardStateRecord[] = [];
    for (const item of list) {
      if (taken.length >= limit) break;
      if (accept(item)) taken.push(item);
    }
    return taken;
  };
  const reviews = take(raw.reviews, limits.reviewsLeft);
  const fresh = take(raw.fresh, limits.newLeft);
  return {
    candidates: { learning, reviews, fresh },
    readMore: {
      reviews: reviews.length < limits.reviewsLeft && !raw.complete.reviews,
      fresh: fresh.length < limits.newLeft && !raw.complete.fresh,
    },
  };
}

export type TodayQueue = {
  /** The item to show now, or null. */
  current: CardStateRecord | null;
  counts: { new: number; learning: number; review: number };
  /** When nothing is due now but learning items are due later today: the earliest of them. */
  nextLearningDue: number | null;
};

/**
 * Learning items in the order a read of the `[deckId+queue+due]` index gives them: by due time, and items of one
 * deck due at the same moment by item id (the primary key after the indexed fields). Items of different decks due
 * at the same moment keep their deck's order (the sort is stable). The day computed in memory after an answer must
 * order them exactly so, or the card on screen would change when the day is read again.
 */
export function byDueAsIndexed(a: CardStateRecord, b: CardStateRecord): number {
  if (a.due !== b.due) return a.due - b.due;
  if (a.deckId !== b.deckId) return 0;
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
}

export function buildQueue(candidates: QueueCandidates, now: number): TodayQueue {
  const learning = [...candidates.learning].sort(byDueAsIndexed);
  const counts = {
    new: candidates.fresh.length,
    learning: learning.length,
    review: candidates.reviews.length,
  };
  const dueLearning = learning.find((item) => item.due <= now);
  const current =
    dueLearning ??
    candidates.reviews[0] ??
    candidates.fresh[0] ??
    learning.find((item) => item.due <= now + LEARN_AHEAD_MS) ??
    null;
  const nextLearningDue = current === null && learning[0] ? learning[0].due : null;
  return { current, counts, nextLearningDue };
}

/**
 * The sibling rule of `siblingGate` for a custom session that counts as reviews (review ahead, forgotten cards),
 * whose items are chosen at once when it starts: an item is accepted unless it is buried, another item of its
 * card was answered today, or another item of its card was accepted before it. The item itself may come again
 * (reviewing ahead a card answered today, or studying a card forgotten today, is what these sessions are for).
 */
export function sessionSiblingGate(
  answeredToday: Iterable<Pick<ReviewLogRecord, 'cardId' | 'itemId'>>,
  now: number,
): (item: CardStateRecord) => boolean {
  /** Per card, the one item of it the day may still show ('' when two of its items were answered today). */
  const claimed = new Map<string, string>();
  for (const log of answeredToday) {
    const owner = claimed.get(log.cardId);
    claimed.set(log.cardId, owner === undefined || owner === log.itemId ? log.itemId : '');
  }
  return (item) => {
    if (item.buriedUntil > now) return false;
    const owner = claimed.get(item.cardId);
    if (owner !== undefined && owner !== item.itemId) return false;
    claimed.set(item.cardId, item.itemId);
    return true;
  };
}

/**
 * A deck's gated candidates after one of its items was answered, as a fresh read would gate them: the item leaves
 * its list and, when its next step is due before the day ends, joins the learning list. The lists already hold at
 * most what today's limits allow, and an answer lowers a limit by one exactly when it takes an item off that
 * limit's list (a new item answered lowers new/day, a review lowers reviews/day), so nothing else moves. Null when
 * the item stays due today outside the learning queue: only a read can tell where it goes then.
 */
export function candidatesAfterAnswer(
  candidates: QueueCandidates,
  after: CardStateRecord,
  dayEnd: number,
): QueueCandidates | null {
  if ((after.queue === 'new' || after.queue === 'review') && after.due < dayEnd) return null;
  const others = (list: readonly CardStateRecord[]) => list.filter((item) => item.itemId !== after.itemId);
  const learning = others(candidates.learning);
  if (after.queue === 'learning' && after.due < dayEnd) learning.push(after);
  return { learning, reviews: others(candidates.reviews), fresh: others(candidates.fresh) };
}

/**
 * The items that can come up next, in the order the queue takes them: learning items due within the learn-ahead
 * window, then the first due reviews and new items, at most `perList` of each. Their cards are read with the queue so
 * the next card can show without another read.
 */
export function upcomingItems(candidates: QueueCandidates, now: number, perList: number): CardStateRecord[] {
  const learning = candidates.learning
    .filter((item) => item.due <= now + LEARN_AHEAD_MS)
    .sort(byDueAsIndexed);
  return [
    ...learning.slice(0, perList),
    ...candidates.reviews.slice(0, perList),
    ...candidates.fresh.slice(0, perList),
  ];
}
