/**
 * Applying an answer to an item, and undoing it. Pure: the db layer writes the result in one transaction.
 */
import {
  type CardStateRecord,
  type ItemSnapshot,
  queueOf,
  type ReviewLogRecord,
  type ReviewSource,
} from './records';
import { type Grade4, previewOutcomes } from './scheduler';
import type { SchedulerSettings } from './settings';

export type AnswerInput = {
  rating: Grade4;
  now: number;
  /** How long the user took, from the prompt showing to the grade, in ms. */
  durationMs: number;
  source: ReviewSource;
};

export type AnswerResult = {
  item: CardStateRecord;
  log: Omit<ReviewLogRecord, 'id'>;
  /** True when this answer made the item a leech (it is then suspended). */
  becameLeech: boolean;
};

export function answerItem(
  item: CardStateRecord,
  input: AnswerInput,
  settings: SchedulerSettings,
): AnswerResult {
  const outcome = previewOutcomes(item.fsrs, input.now, settings)[input.rating];
  const before: ItemSnapshot = { fsrs: item.fsrs, suspended: item.suspended, leech: item.leech };
  const lapsed = outcome.next.lapses > item.fsrs.lapses;
  const becameLeech = lapsed && !item.leech && outcome.next.lapses >= settings.leechThreshold;
  const nextItem = {
    ...item,
    fsrs: outcome.next,
    due: outcome.next.due,
    leech: item.leech || becameLeech,
    suspended: item.suspended || becameLeech,
  };
  return {
    item: { ...nextItem, queue: queueOf(nextItem) },
    log: {
      deckId: item.deckId,
      itemId: item.itemId,
      cardId: item.cardId,
      ...outcome.log,
      durationMs: Math.max(0, Math.round(input.durationMs)),
      source: input.source,
      before,
    },
    becameLeech,
  };
}

/** The item exactly as it was before `log`'s answer. */
export function undoAnswer(item: CardStateRecord, log: Pick<ReviewLogRecord, 'before'>): CardStateRecord {
  const restored = { ...item, ...log.before, due: log.before.fsrs.due };
  return { ...restored, queue: queueOf(restored) };
}

/** The grade an exam-style answer suggests: wrong → Again, right → Good. */
export function suggestedGrade(correct: boolean): Grade4 {
  return correct ? 3 : 1;
}
