/**
 * Everything the review screen shows, read in one go: the decks in scope with their settings, today's queue,
 * the current item's card, what undo would take back, and when the next item is due.
 */

import type { TodayQueue } from '../domain/queue';
import type { CardRecord, DeckRecord, ReviewLogRecord } from '../domain/records';
import type { SchedulerSettings } from '../domain/settings';
import type { CardinalDb } from './database';
import { lastUndoable, loadQueueAcross, nextDueAfterToday } from './reviewRepo';
import { getSchedulerSettings } from './schedulerSettingsRepo';

/** A deck id, or ALL_DECKS for a queue across every deck. */
export const ALL_DECKS = 'all';

export type ReviewScreen = {
  /** The time this screen was computed for. */
  asOf: number;
  decks: DeckRecord[];
  settings: Record<string, SchedulerSettings>;
  queue: TodayQueue;
  card: CardRecord | undefined;
  undoable: ReviewLogRecord | undefined;
  nextDue: number | null;
};

export async function loadReviewScreen(
  db: CardinalDb,
  scope: string,
  now: number,
): Promise<ReviewScreen | null> {
  const decks =
    scope === ALL_DECKS
      ? await db.decks.orderBy('id').toArray()
      : await db.decks.where('id').equals(scope).toArray();
  if (decks.length === 0) return null;
  const settingsList = await Promise.all(decks.map((d) => getSchedulerSettings(db, d.id)));
  const settings = Object.fromEntries(decks.map((d, i) => [d.id, settingsList[i] as SchedulerSettings]));
  const scoped = decks.map((d) => ({ deckId: d.id, settings: settings[d.id] as SchedulerSettings }));
  const queue = await loadQueueAcross(db, scoped, now);
  const current = queue.current;
  const card = current ? await db.cards.get([current.deckId, current.cardId]) : undefined;
  const undoCandidates = await Promise.all(
    scoped.map((d) => lastUndoable(db, d.deckId, now, d.settings.dayStartHour)),
  );
  const undoable = undoCandidates
    .filter((log): log is ReviewLogRecord => log !== undefined)
    .sort((a, b) => b.review - a.review || (b.id ?? 0) - (a.id ?? 0))[0];
  const nextDues = await Promise.all(
    scoped.map((d) => nextDueAfterToday(db, d.deckId, now, d.settings.dayStartHour)),
  );
  const dues = nextDues.filter((d): d is number => d !== null);
  return {
    asOf: now,
    decks,
    settings,
    queue,
    card,
    undoable,
    nextDue: dues.length > 0 ? Math.min(...dues) : null,
  };
}
