/**
 * What each Browse action does to one review item or card, as pure functions; db/browse/actions.ts reads the
 * selection, applies these and writes the result in one transaction.
 */
import type { Card } from '../deck/schema';
import type { CardStateRecord, Flag, ReviewLogRecord } from '../records';
import { queueOf } from '../records';
import { forgetFields, rescheduleFromHistory } from '../scheduler';
import type { SchedulerSettings } from '../settings';

const DAY = 86_400_000;

function withQueue(item: CardStateRecord): CardStateRecord {
  return { ...item, queue: queueOf(item), due: item.fsrs.due };
}

export const suspendItem = (item: CardStateRecord, suspended: boolean) => withQueue({ ...item, suspended });

/** Buried until `until` (the next study day's start), or unburied with 0. */
export const buryItem = (item: CardStateRecord, until: number): CardStateRecord => ({
  ...item,
  buriedUntil: until,
});

export const flagItem = (item: CardStateRecord, flag: Flag): CardStateRecord => ({ ...item, flag });

export const markItem = (item: CardStateRecord, marked: boolean): CardStateRecord => ({ ...item, marked });

/** Back to new (ts-fsrs forget): the item returns to the new queue at its place in the deck. */
export const resetItem = (item: CardStateRecord, now: number) =>
  withQueue({ ...item, fsrs: forgetFields(item.fsrs, now) });

/**
 * Due on the day that starts at `dueAt`. A new item becomes a review due then (as Anki's "Set due date"); its
 * interval is the days from its last review (or from now).
 */
export function setDueItem(item: CardStateRecord, dueAt: number, now: number): CardStateRecord {
  const from = item.fsrs.last_review ?? now;
  const fsrs = {
    ...item.fsrs,
    due: dueAt,
    scheduled_days: Math.max(0, Math.round((dueAt - from) / DAY)),
    state: item.fsrs.state === 0 ? (2 as const) : item.fsrs.state,
    stability: item.fsrs.state === 0 ? Math.max(1, (dueAt - now) / DAY) : item.fsrs.stability,
    difficulty: item.fsrs.state === 0 ? 5 : item.fsrs.difficulty,
  };
  return withQueue({ ...item, fsrs });
}

/** Recomputed from the item's whole history (ts-fsrs reschedule); undefined for an item never reviewed. */
export function rescheduleItem(
  item: CardStateRecord,
  history: readonly Pick<ReviewLogRecord, 'rating' | 'review'>[],
  now: number,
  settings: SchedulerSettings,
): CardStateRecord | undefined {
  const fsrs = rescheduleFromHistory(item.fsrs, history, now, settings);
  return fsrs ? withQueue({ ...item, fsrs }) : undefined;
}

/** The card with tags added and removed (kept sorted, without duplicates). */
export function retagCard(card: Card, add: readonly string[], remove: readonly string[]): Card {
  const tags = new Set(card.tags ?? []);
  for (const t of add) tags.add(t);
  for (const t of remove) tags.delete(t);
  const next = [...tags].sort();
  const { tags: _old, ...rest } = card;
  return (next.length > 0 ? { ...rest, tags: next } : rest) as Card;
}

/** Tags typed by a user: "storage, vs:san-nas" → ['storage', 'vs:san-nas'], lowercased, invalid characters as "-". */
export function parseTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) =>
      t
        .toLowerCase()
        .replace(/[^a-z0-9:-]/g, '-')
        .replace(/^[-:]+/, ''),
    )
    .filter((t) => t.length > 0);
}
