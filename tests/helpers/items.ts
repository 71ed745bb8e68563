import type { CardStateRecord } from '../../src/domain/records';
import { newFsrsFields } from '../../src/domain/scheduler';
import { DEFAULT_SCHEDULER_SETTINGS, type SchedulerSettings } from '../../src/domain/settings';

/** Settings for deterministic tests: fuzz off. */
export const SETTINGS: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, fuzz: false };

export function newItem(
  itemId: string,
  now: number,
  overrides: Partial<CardStateRecord> = {},
): CardStateRecord {
  const fsrs = newFsrsFields(now);
  const [cardId = itemId, ordinal = '1'] = itemId.split('#');
  return {
    deckId: 'd',
    itemId,
    cardId,
    ordinal: Number(ordinal),
    section: 's',
    position: 0,
    fsrs,
    queue: 'new',
    due: fsrs.due,
    suspended: false,
    retired: false,
    buriedUntil: 0,
    leech: false,
    flag: 0,
    marked: false,
    ...overrides,
  };
}

/** Turns a stored item into a review (stability 10, reviewed a day before it falls due), due at `due`. */
export function makeDueReview(item: CardStateRecord, due: number, day: number): void {
  item.fsrs = { ...item.fsrs, state: 2, stability: 10, difficulty: 5, reps: 3, due, last_review: due - day };
  item.due = due;
  item.queue = 'review';
}
