/**
 * Statistics from a small fixed log, against values worked out by hand. The clock is Berlin's, where
 * 2026-03-29 has 23 hours (02:00 → 03:00), and the study day starts at 4 a.m.
 */
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import { bucketLabel, emptyCardTally, type StatsItem, tallyItems } from '../../../src/domain/stats/cardStats';
import {
  emptyTally,
  groupStart,
  hourIndexer,
  retentionSeries,
  type TallyLog,
  tallyLogs,
  todaySummary,
  totalRetention,
} from '../../../src/domain/stats/reviewTally';
import { streaks } from '../../../src/domain/stats/streaks';
import { dayLabel, studyDayIndexer, studyDayNumber } from '../../../src/domain/stats/studyDays';

/** Local Berlin time. */
const at = (month: number, day: number, hour: number, minute = 0) =>
  new Date(2026, month - 1, day, hour, minute).getTime();
const dayOf = (label: string) => Math.round(Date.parse(`${label}T00:00:00Z`) / 86_400_000);

const log = (review: number, rating: 1 | 2 | 3 | 4, state: 0 | 1 | 2 | 3, extra: Partial<TallyLog> = {}) =>
  ({ review, rating, state, scheduled_days: 0, durationMs: 10_000, source: 'review', ...extra }) as TallyLog;

describe('study days', () => {
  it('runs in a zone with DST (the test is meaningless otherwise)', () => {
    expect(new Date(at(3, 29, 12)).getTimezoneOffset()).toBe(-120);
    expect(new Date(at(3, 28, 12)).getTimezoneOffset()).toBe(-60);
  });

  it.each([
    ['before 4 a.m. counts for the day before', at(3, 28, 3, 30), '2026-03-27'],
    ['exactly at 4 a.m. starts the day', at(3, 28, 4), '2026-03-28'],
    ['on the DST night, 3:59 (after the jump) is still the day before', at(3, 29, 3, 59), '2026-03-28'],
    ['on the DST day, 4:00 local starts it (02:00 UTC, not 03:00)', at(3, 29, 4), '2026-03-29'],
    ['the 23-hour day ends at 4 a.m. the next morning', at(3, 30, 3), '2026-03-29'],
    ['autumn: the 25-hour day', at(10, 25, 3, 30), '2026-10-24'],
  ])('%s', (_, time, label) => {
    expect(dayLabel(studyDayNumber(time, 4))).toBe(label);
    expect(dayLabel(studyDayIndexer(4)(time))).toBe(label);
  });

  it('honours another day-start hour', () => {
    expect(dayLabel(studyDayNumber(at(3, 28, 3, 30), 0))).toBe('2026-03-28');
  });
});

describe('streaks', () => {
  it('counts the current streak up to yesterday while today is still empty', () => {
    expect(streaks([10, 11, 12, 15, 16], 17)).toEqual({ current: 2, longest: 3 });
  });
  it('includes today, and breaks on a missed day', () => {
    expect(streaks([10, 11, 12, 15, 16, 17], 17)).toEqual({ current: 3, longest: 3 });
    expect(streaks([10, 11, 12], 14)).toEqual({ current: 0, longest: 3 });
    expect(streaks([], 14)).toEqual({ current: 0, longest: 0 });
  });
});

describe('review tally', () => {
  // Seven answers around the DST night. Study days: 27th (1), 28th (3), 29th (3).
  const logs = [
    log(at(3, 28, 3, 30), 3, 0), // 27th, new, Good
    log(at(3, 28, 9), 1, 2, { scheduled_days: 5, durationMs: 20_000 }), // 28th, young review, Again
    log(at(3, 28, 9, 5), 3, 3), // 28th, relearning
    log(at(3, 29, 3, 59), 3, 2, { scheduled_days: 30 }), // 28th, mature review, Good
    log(at(3, 29, 4), 4, 2, { scheduled_days: 21 }), // 29th, mature (21 d), Easy
    log(at(3, 29, 9), 2, 2, { scheduled_days: 3, source: 'exam' }), // 29th, exam answer, young, Hard
    log(at(3, 30, 3), 1, 1, { durationMs: 5_000 }), // 29th, learning, Again
  ];
  const tally = emptyTally();
  tallyLogs(tally, logs.slice(0, 3), studyDayIndexer(4), hourIndexer());
  tallyLogs(tally, logs.slice(3), studyDayIndexer(4), hourIndexer()); // in two chunks, as the worker feeds it

  it('counts answers per study day and kind, with time spent', () => {
    const d = (label: string) => tally.days.get(dayOf(label));
    expect(d('2026-03-27')?.kinds).toEqual({ new: 1, learning: 0, review: 0, relearning: 0, exam: 0 });
    expect(d('2026-03-28')?.kinds).toEqual({ new: 0, learning: 0, review: 2, relearning: 1, exam: 0 });
    expect(d('2026-03-29')?.kinds).toEqual({ new: 0, learning: 1, review: 1, relearning: 0, exam: 1 });
    expect(d('2026-03-28')?.timeMs).toBe(40_000);
    expect(tally.answers).toBe(7);
  });

  it('summarizes today (the DST day): answers, time, again rate, new cards', () => {
    expect(todaySummary(tally, dayOf('2026-03-29'))).toEqual({
      answers: 3,
      timeMs: 25_000,
      againRate: 1 / 3,
      newCards: 0,
    });
    expect(todaySummary(tally, dayOf('2026-03-27')).newCards).toBe(1);
  });

  it('counts answer buttons for learning, young and mature cards', () => {
    expect(tally.buttons).toEqual({
      learning: [1, 0, 2, 0], // new Good, relearning Good, learning Again
      young: [1, 1, 0, 0], // Again (5 d), Hard (3 d, exam)
      mature: [0, 0, 1, 1], // Good (30 d), Easy (21 d)
    });
  });

  it('computes true retention per day, week and month', () => {
    const byDay = retentionSeries(tally, 'day');
    expect(byDay.map((r) => [dayLabel(r.start), r.young, r.mature])).toEqual([
      ['2026-03-28', { passed: 0, total: 1 }, { passed: 1, total: 1 }],
      ['2026-03-29', { passed: 1, total: 1 }, { passed: 1, total: 1 }],
    ]);
    // 28th is a Saturday and 29th a Sunday: one week starting Monday the 23rd, one month.
    const byWeek = retentionSeries(tally, 'week');
    expect(byWeek.map((r) => dayLabel(r.start))).toEqual(['2026-03-23']);
    expect(totalRetention(byWeek, 'young')).toEqual({ passed: 1, total: 2 });
    expect(totalRetention(byWeek, 'mature')).toEqual({ passed: 2, total: 2 });
    expect(retentionSeries(tally, 'month').map((r) => dayLabel(r.start))).toEqual(['2026-03-01']);
  });

  it('counts answers per local hour', () => {
    expect(tally.hours[3]).toEqual({ answers: 3, again: 1 }); // 3:30, 3:59 and 3:00
    expect(tally.hours[9]).toEqual({ answers: 3, again: 1 });
    expect(tally.hours[4]).toEqual({ answers: 1, again: 0 });
  });

  it('starts weeks on Monday and months on the 1st', () => {
    expect(dayLabel(groupStart(dayOf('2026-03-23'), 'week'))).toBe('2026-03-23');
    expect(dayLabel(groupStart(dayOf('2026-03-22'), 'week'))).toBe('2026-03-16');
    expect(dayLabel(groupStart(dayOf('2026-02-28'), 'month'))).toBe('2026-02-01');
  });
});

describe('card tally', () => {
  const today = dayOf('2026-03-29');
  const item = (over: Partial<StatsItem['fsrs']>, rest: Partial<StatsItem> = {}): StatsItem => ({
    section: 'san',
    suspended: false,
    retired: false,
    fsrs: {
      state: 2,
      due: at(4, 1, 9),
      stability: 10,
      difficulty: 5,
      scheduled_days: 10,
      last_review: 1,
      ...over,
    },
    ...rest,
  });
  const items: StatsItem[] = [
    item({ state: 0, stability: 0, difficulty: 0, scheduled_days: 0 }), // new
    item({ due: at(3, 27, 9) }), // overdue
    item({ due: at(3, 30, 3, 30), state: 1, scheduled_days: 0, stability: 0.5 }), // due "today" (before 4 a.m.)
    item({ due: at(3, 31, 9), scheduled_days: 40, stability: 50, difficulty: 8.5 }, { section: 'nas' }), // +2
    item({}, { suspended: true }),
    item({}, { retired: true }),
  ];
  const recall = (i: StatsItem) => (i.fsrs.stability >= 10 ? 0.95 : 0.5);
  const tally = emptyCardTally(30);
  tallyItems(tally, items, today, studyDayIndexer(4), recall);

  it('counts items by state; retired items are left out', () => {
    expect(tally.states).toEqual({ new: 1, learning: 1, review: 2, relearning: 0, suspended: 1 });
  });

  it('forecasts due items by study day, with the overdue apart', () => {
    expect(tally.overdue).toBe(1);
    expect(tally.forecast.slice(0, 4)).toEqual([1, 0, 1, 0]);
    expect(tally.forecast).toHaveLength(30);
  });

  it('builds distributions of interval, stability, difficulty and retrievability', () => {
    expect(tally.intervals.counts[3]).toBe(1); // 10 d in 7–14
    expect(tally.intervals.counts[6]).toBe(1); // 40 d in 30–60
    expect(tally.stability.counts[0]).toBe(1); // 0.5
    expect(tally.difficulty.counts[7]).toBe(1); // 8.5 in 8–9
    expect(tally.retrievability.counts[9]).toBe(2); // 0.95
    expect(tally.retrievability.counts[5]).toBe(1); // 0.5
    expect(bucketLabel(tally.intervals.edges, 3, ' d')).toBe('7–14 d');
    expect(bucketLabel(tally.intervals.edges, 10, ' d')).toBe('365+ d');
  });

  it('measures mastery per section (R ≥ 0.9), counting unreviewed items as 0', () => {
    // san: new (0), overdue (0.95), learning (0.5), suspended (0.95); the retired one is left out.
    expect(tally.sections.get('san')).toEqual({ items: 4, mastered: 2, retrievabilitySum: 0.95 * 2 + 0.5 });
    expect(tally.sections.get('nas')).toEqual({ items: 1, mastered: 1, retrievabilitySum: 0.95 });
  });
});
