/**
 * The only module that imports ts-fsrs. Everything else sees plain FsrsFields with epoch-ms dates, and
 * `now` is always passed in.
 */
import {
  createEmptyCard,
  type FSRS,
  type Card as FsrsCard,
  fsrs,
  type Grade,
  type Rating,
  type ReviewLog,
  type StepUnit,
} from 'ts-fsrs';
import type { ScheduleSettings } from './fsrsParameters';
import type { FsrsFields, ReviewLogRecord } from './records';

/** Scheduler settings, with the deck's fitted FSRS parameters when it has some (else ts-fsrs's defaults). */
type SchedulerSettings = ScheduleSettings;

export type Grade4 = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade4[] = [1, 2, 3, 4];
export const GRADE_NAMES: Record<Grade4, 'Again' | 'Hard' | 'Good' | 'Easy'> = {
  1: 'Again',
  2: 'Hard',
  3: 'Good',
  4: 'Easy',
};

/** The FSRS-computed outcome of one grade, for one item, at one moment. */
export type Outcome = {
  rating: Grade4;
  next: FsrsFields;
  /** The ts-fsrs review log fields of this answer (dates as epoch ms). */
  log: Pick<
    ReviewLogRecord,
    | 'rating'
    | 'state'
    | 'due'
    | 'stability'
    | 'difficulty'
    | 'elapsed_days'
    | 'last_elapsed_days'
    | 'scheduled_days'
    | 'learning_steps'
    | 'review'
  >;
  /** Time until the item is due again, as a button label: "1m", "10m", "3d", "2.1mo", "1.2y". */
  label: string;
};

const schedulers = new Map<string, FSRS>();

function schedulerFor(settings: SchedulerSettings): FSRS {
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.maximumIntervalDays,
    settings.fuzz,
    settings.learningSteps,
    settings.relearningSteps,
    settings.fsrsParameters ?? null,
  ]);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: settings.fuzz,
      enable_short_term: true,
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
      ...(settings.fsrsParameters ? { w: [...settings.fsrsParameters] } : {}),
    });
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** The state of an item never reviewed, as ts-fsrs creates it. */
export function newFsrsFields(now: number): FsrsFields {
  return fromFsrsCard(createEmptyCard(new Date(now)));
}

/**
 * All four outcomes for an item answered at `now`: what each button would do, and its label.
 * @example previewOutcomes(item.fsrs, now, settings)[2].label // "10m" for Good on a new card
 */
export function previewOutcomes(
  current: FsrsFields,
  now: number,
  settings: SchedulerSettings,
): Record<Grade4, Outcome> {
  const preview = schedulerFor(settings).repeat(toFsrsCard(current), new Date(now));
  const outcome = (rating: Grade4): Outcome => {
    const item = preview[rating as Grade];
    const next = clampToMaximum(fromFsrsCard(item.card), now, settings.maximumIntervalDays);
    return { rating, next, log: fromFsrsLog(item.log, rating), label: formatInterval(next.due - now) };
  };
  return { 1: outcome(1), 2: outcome(2), 3: outcome(3), 4: outcome(4) };
}

/** The probability of recalling an item at `at`; 0 for an item never reviewed. */
export function retrievability(current: FsrsFields, at: number, settings: SchedulerSettings): number {
  if (current.state === 0) return 0;
  return schedulerFor(settings).get_retrievability(toFsrsCard(current), new Date(at), false);
}

let plain: FSRS | undefined;

/**
 * Resets an item to new (ts-fsrs `forget`): it goes back to the new queue; its review count and lapses stay, as
 * in Anki's "Reset" without "reset counts".
 */
export function forgetFields(current: FsrsFields, now: number): FsrsFields {
  plain ??= fsrs();
  return fromFsrsCard(plain.forget(toFsrsCard(current), new Date(now), false).card);
}

/** ts-fsrs's own rollback of one answer (it cannot restore the previous due date: it uses the review time). */
export function fsrsRollback(
  after: FsrsFields,
  log: Outcome['log'],
  settings: SchedulerSettings,
): FsrsFields {
  const card = schedulerFor(settings).rollback(toFsrsCard(after), {
    ...log,
    rating: log.rating as Rating,
    due: new Date(log.due),
    review: new Date(log.review),
  });
  return fromFsrsCard(card);
}

/**
 * Recomputes an item's state from its whole review history under new settings (e.g. a new desired retention).
 * Returns undefined for an item with no history.
 */
export function rescheduleFromHistory(
  current: FsrsFields,
  history: ReadonlyArray<Pick<ReviewLogRecord, 'rating' | 'review'>>,
  now: number,
  settings: SchedulerSettings,
): FsrsFields | undefined {
  if (history.length === 0) return undefined;
  const reviews = [...history]
    .sort((a, b) => a.review - b.review)
    .map((log) => ({ rating: log.rating as Grade, review: new Date(log.review) }));
  const result = schedulerFor(settings).reschedule(toFsrsCard(current), reviews, {
    now: new Date(now),
    update_memory_state: true,
    skipManual: true,
  });
  return result.reschedule_item
    ? fromFsrsCard(result.reschedule_item.card)
    : fromFsrsCard(toFsrsCard(current));
}

/**
 * ts-fsrs keeps Hard < Good < Easy by adding a day each, which can pass the maximum interval by up to two days
 * (measured: max 30 gives 30/31/32 days). Anki never exceeds the maximum, so neither do we.
 */
function clampToMaximum(next: FsrsFields, now: number, maximumDays: number): FsrsFields {
  if (next.state !== 2 || next.scheduled_days <= maximumDays) return next;
  return { ...next, scheduled_days: maximumDays, due: now + maximumDays * 86_400_000 };
}

export function formatInterval(ms: number): string {
  const minutes = Math.max(0, ms) / 60_000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

export function fromFsrsCard(card: FsrsCard): FsrsFields {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.getTime() : null,
  };
}

export function toFsrsCard(fields: FsrsFields): FsrsCard {
  return {
    ...fields,
    due: new Date(fields.due),
    last_review: fields.last_review === null ? undefined : new Date(fields.last_review),
  };
}

function fromFsrsLog(log: ReviewLog, rating: Grade4): Outcome['log'] {
  return {
    rating,
    state: log.state,
    due: log.due.getTime(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.getTime(),
  };
}
