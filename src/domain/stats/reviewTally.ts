/**
 * Statistics over review logs, gathered in one pass that can be fed in chunks (a worker reads the logs page by
 * page and never holds them all). Everything is counted per study day, so any period, week or month can be
 * summed afterwards without reading the logs again.
 */
import type { ReviewLogRecord } from '../records';

/** What kind of answer a log is, for the stacked "reviews per day" chart. */
export type AnswerKind = 'new' | 'learning' | 'review' | 'relearning' | 'exam';
export const ANSWER_KINDS: readonly AnswerKind[] = ['new', 'learning', 'review', 'relearning', 'exam'];

/** Button counts split like Anki's: answers in learning, on young cards and on mature cards. */
export type ButtonGroup = 'learning' | 'young' | 'mature';
export const BUTTON_GROUPS: readonly ButtonGroup[] = ['learning', 'young', 'mature'];

/** A review-state answer on a card whose interval was at least this many days counts as mature (as in Anki). */
export const MATURE_DAYS = 21;

export type PassCount = { passed: number; total: number };

export type DayTally = {
  kinds: Record<AnswerKind, number>;
  /** Time spent answering, ms. */
  timeMs: number;
  /** Answers graded Again. */
  again: number;
  /** True retention inputs: review-state answers (not Again = passed). */
  young: PassCount;
  mature: PassCount;
};

export type ReviewTally = {
  days: Map<number, DayTally>;
  /** Counts of Again, Hard, Good, Easy (index 0–3) per group. */
  buttons: Record<ButtonGroup, [number, number, number, number]>;
  /** Answers and Again answers per local hour of the day, 0–23. */
  hours: Array<{ answers: number; again: number }>;
  answers: number;
};

export type TallyLog = Pick<
  ReviewLogRecord,
  'review' | 'rating' | 'state' | 'scheduled_days' | 'durationMs' | 'source'
>;

export function emptyTally(): ReviewTally {
  return {
    days: new Map(),
    buttons: { learning: [0, 0, 0, 0], young: [0, 0, 0, 0], mature: [0, 0, 0, 0] },
    hours: Array.from({ length: 24 }, () => ({ answers: 0, again: 0 })),
    answers: 0,
  };
}

function emptyDay(): DayTally {
  return {
    kinds: { new: 0, learning: 0, review: 0, relearning: 0, exam: 0 },
    timeMs: 0,
    again: 0,
    young: { passed: 0, total: 0 },
    mature: { passed: 0, total: 0 },
  };
}

export function answerKind(log: Pick<TallyLog, 'source' | 'state'>): AnswerKind {
  if (log.source === 'exam') return 'exam';
  return (['new', 'learning', 'review', 'relearning'] as const)[log.state];
}

/**
 * Adds logs to the tally (in place). `dayOf` gives a log's study day (studyDayIndexer); `hourOf` its local hour.
 */
export function tallyLogs(
  tally: ReviewTally,
  logs: Iterable<TallyLog>,
  dayOf: (at: number) => number,
  hourOf: (at: number) => number,
): void {
  for (const log of logs) {
    const dayNumber = dayOf(log.review);
    let day = tally.days.get(dayNumber);
    if (!day) {
      day = emptyDay();
      tally.days.set(dayNumber, day);
    }
    day.kinds[answerKind(log)]++;
    day.timeMs += log.durationMs;
    const again = log.rating === 1;
    if (again) day.again++;
    const group: ButtonGroup =
      log.state !== 2 ? 'learning' : log.scheduled_days >= MATURE_DAYS ? 'mature' : 'young';
    const buttons = tally.buttons[group];
    buttons[log.rating - 1] = (buttons[log.rating - 1] ?? 0) + 1;
    if (group !== 'learning') {
      const pass = group === 'mature' ? day.mature : day.young;
      pass.total++;
      if (!again) pass.passed++;
    }
    const hour = tally.hours[hourOf(log.review)];
    if (hour) {
      hour.answers++;
      if (again) hour.again++;
    }
    tally.answers++;
  }
}

/** The local hour (0–23) of an instant, remembered per quarter hour like studyDayIndexer. */
export function hourIndexer(): (at: number) => number {
  const memo = new Map<number, number>();
  return (at) => {
    const quarter = Math.floor(at / 900_000);
    let hour = memo.get(quarter);
    if (hour === undefined) {
      hour = new Date(at).getHours();
      memo.set(quarter, hour);
    }
    return hour;
  };
}

export type TodaySummary = {
  answers: number;
  timeMs: number;
  /** Share of today's answers graded Again, 0–1 (0 when none). */
  againRate: number;
  /** New cards seen for the first time today. */
  newCards: number;
};

export function todaySummary(tally: ReviewTally, today: number): TodaySummary {
  const day = tally.days.get(today);
  if (!day) return { answers: 0, timeMs: 0, againRate: 0, newCards: 0 };
  const answers = ANSWER_KINDS.reduce((sum, kind) => sum + day.kinds[kind], 0);
  return {
    answers,
    timeMs: day.timeMs,
    againRate: answers ? day.again / answers : 0,
    newCards: day.kinds.new,
  };
}

export type Grouping = 'day' | 'week' | 'month';

export type RetentionRow = { start: number; young: PassCount; mature: PassCount };

/**
 * True retention (review-state answers not graded Again) for young and mature cards, per day, week (Monday
 * first) or calendar month, oldest first. `start` is the first day number of the group.
 */
export function retentionSeries(tally: ReviewTally, grouping: Grouping): RetentionRow[] {
  const rows = new Map<number, RetentionRow>();
  for (const [day, t] of tally.days) {
    if (t.young.total + t.mature.total === 0) continue;
    const start = groupStart(day, grouping);
    let row = rows.get(start);
    if (!row) {
      row = { start, young: { passed: 0, total: 0 }, mature: { passed: 0, total: 0 } };
      rows.set(start, row);
    }
    row.young.passed += t.young.passed;
    row.young.total += t.young.total;
    row.mature.passed += t.mature.passed;
    row.mature.total += t.mature.total;
  }
  return [...rows.values()].sort((a, b) => a.start - b.start);
}

/** The first day number of the week (Monday) or month that contains `day`. */
export function groupStart(day: number, grouping: Grouping): number {
  if (grouping === 'day') return day;
  // Day 0 (1970-01-01) was a Thursday: day + 3 counts from a Monday.
  if (grouping === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const date = new Date(day * 86_400_000);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000);
}

/** Sum of passes over a list of rows: the period's overall true retention. */
export function totalRetention(rows: readonly RetentionRow[], key: 'young' | 'mature'): PassCount {
  return rows.reduce((acc, r) => ({ passed: acc.passed + r[key].passed, total: acc.total + r[key].total }), {
    passed: 0,
    total: 0,
  });
}
