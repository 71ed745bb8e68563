import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerItem, undoAnswer } from '../../src/domain/answer';
import type { CardStateRecord, ReviewLogRecord } from '../../src/domain/records';
import {
  formatInterval,
  fsrsRollback,
  GRADES,
  type Grade4,
  previewOutcomes,
} from '../../src/domain/scheduler';
import { DAY, MINUTE, T0 } from '../helpers/builders';
import { newItem, SETTINGS } from '../helpers/items';

describe('previewOutcomes', () => {
  it('gives a new card the learning steps and FSRS intervals, with Anki-style labels', () => {
    const outcomes = previewOutcomes(newItem('x#1', T0).fsrs, T0, SETTINGS);
    expect(GRADES.map((g) => outcomes[g].label)).toEqual(['1m', '6m', '10m', '8d']);
    expect(outcomes[3].next).toMatchObject({ state: 1, reps: 1, due: T0 + 10 * MINUTE });
  });

  it('follows the configured learning steps', () => {
    const outcomes = previewOutcomes(newItem('x#1', T0).fsrs, T0, {
      ...SETTINGS,
      learningSteps: ['5m', '1h'],
    });
    expect(outcomes[1].label).toBe('5m');
    expect(outcomes[3].label).toBe('1h');
  });

  it('never schedules beyond the maximum interval', () => {
    let fsrs = newItem('x#1', T0).fsrs;
    let now = T0;
    for (let i = 0; i < 12; i++) {
      fsrs = previewOutcomes(fsrs, now, { ...SETTINGS, maximumIntervalDays: 30 })[4].next;
      now = fsrs.due;
    }
    expect(fsrs.scheduled_days).toBeLessThanOrEqual(30);
  });
});

describe('formatInterval', () => {
  it.each([
    [30_000, '1m'],
    [10 * MINUTE, '10m'],
    [90 * MINUTE, '2h'],
    [3 * DAY, '3d'],
    [63 * DAY, '2.1mo'],
    [60 * DAY, '2mo'],
    [438 * DAY, '1.2y'],
  ])('%i ms → %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});

describe('answerItem and undoAnswer', () => {
  it('turns a lapse at the threshold into a suspended leech, and undo clears both', () => {
    const reviewing = newItem('x#1', T0, {
      queue: 'review',
      fsrs: {
        ...newItem('x#1', T0).fsrs,
        state: 2,
        stability: 5,
        difficulty: 6,
        reps: 12,
        lapses: 7,
        last_review: T0 - 5 * DAY,
        due: T0,
      },
    });
    const result = answerItem(
      reviewing,
      { rating: 1, now: T0, durationMs: 4200, source: 'review' },
      SETTINGS,
    );
    expect(result.becameLeech).toBe(true);
    expect(result.item).toMatchObject({ leech: true, suspended: true, queue: 'suspended' });
    expect(result.item.fsrs.lapses).toBe(8);
    expect(result.log).toMatchObject({ rating: 1, state: 2, durationMs: 4200, source: 'review', review: T0 });
    expect(undoAnswer(result.item, result.log)).toEqual(reviewing);
  });

  it('does not call a card a leech below the threshold', () => {
    const item = newItem('x#1', T0, {
      queue: 'review',
      fsrs: {
        ...newItem('x#1', T0).fsrs,
        state: 2,
        stability: 5,
        difficulty: 6,
        reps: 5,
        lapses: 2,
        last_review: T0 - 5 * DAY,
        due: T0,
      },
    });
    expect(
      answerItem(item, { rating: 1, now: T0, durationMs: 1, source: 'review' }, SETTINGS).becameLeech,
    ).toBe(false);
  });

  it.each(GRADES)(
    'ts-fsrs rollback agrees with the stored snapshot except for the due date (rating %i)',
    (rating) => {
      let item = newItem('x#1', T0);
      let now = T0;
      for (const g of [3, 3, 4] as Grade4[]) {
        item = answerItem(item, { rating: g, now, durationMs: 1, source: 'review' }, SETTINGS).item;
        now = item.due;
      }
      const { item: after, log } = answerItem(
        item,
        { rating, now, durationMs: 1, source: 'review' },
        SETTINGS,
      );
      const rolledBack = fsrsRollback(after.fsrs, log, SETTINGS);
      expect({ ...rolledBack, due: 0 }).toEqual({ ...item.fsrs, due: 0 });
      expect(undoAnswer(after, log)).toEqual(item);
    },
  );
});

/** Replays grades and undos the way the review screen does, on one item and its log stack. */
function replay(steps: Array<{ undo: boolean; rating: Grade4; waitMinutes: number }>) {
  let item: CardStateRecord = newItem('x#1', T0);
  const history: CardStateRecord[] = [];
  const logs: Array<Omit<ReviewLogRecord, 'id'>> = [];
  let now = T0;
  let answered = 0;
  for (const step of steps) {
    now += step.waitMinutes * MINUTE;
    if (step.undo) {
      const log = logs.pop();
      const previous = history.pop();
      if (log && previous) {
        item = undoAnswer(item, log);
        expect(item).toEqual(previous);
        answered--;
      }
      continue;
    }
    const result = answerItem(
      item,
      { rating: step.rating, now, durationMs: 1000, source: 'review' },
      SETTINGS,
    );
    history.push(item);
    logs.push(result.log);
    item = result.item;
    answered++;
    expect(result.item.fsrs.due).toBeGreaterThanOrEqual(result.log.review);
    expect(result.item.due).toBe(result.item.fsrs.due);
    expect(result.item.fsrs.last_review).toBe(now);
  }
  return { item, logs, answered };
}

describe('any sequence of grades and undos', () => {
  it('keeps states and logs consistent', () => {
    const step = fc.record({
      undo: fc.boolean(),
      rating: fc.constantFrom<Grade4>(1, 2, 3, 4),
      waitMinutes: fc.integer({ min: 0, max: 60 * 24 * 40 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { item, logs, answered } = replay(steps);
        expect(logs.length).toBe(answered);
        expect(item.fsrs.reps).toBe(answered);
        const lapses = logs.filter((l) => l.rating === 1 && l.state === 2).length;
        expect(item.fsrs.lapses).toBe(lapses);
        for (let i = 1; i < logs.length; i++) {
          expect(logs[i]?.review).toBeGreaterThanOrEqual(logs[i - 1]?.review ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
