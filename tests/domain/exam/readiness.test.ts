import { describe, expect, it } from 'vitest';
import { readiness, readinessByTag, studyPlan } from '../../../src/domain/exam/readiness';
import type { FsrsFields } from '../../../src/domain/records';
import { newFsrsFields } from '../../../src/domain/scheduler';
import { DAY, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';

const reviewedAt = (lastReview: number, stability: number): FsrsFields => ({
  ...newFsrsFields(lastReview),
  state: 2,
  stability,
  difficulty: 5,
  reps: 2,
  last_review: lastReview,
  due: lastReview + stability * DAY,
});

const EXAM_DAY = T0 + 10 * DAY;

describe('readiness', () => {
  it('averages predicted recall per section on the exam date, unseen items counting as 0', () => {
    // FSRS defines stability as the time for recall to fall to 90 %: reviewed 10 days before the exam with
    // stability 10 → 0.9; reviewed on the exam day itself → 1; never reviewed → 0.
    const items = [
      { section: 'san', fsrs: reviewedAt(T0, 10), retired: false },
      { section: 'san', fsrs: newFsrsFields(T0), retired: false },
      { section: 'san', fsrs: reviewedAt(EXAM_DAY, 3), retired: false },
      { section: 'nas', fsrs: reviewedAt(T0 - 10 * DAY, 20), retired: false },
      { section: 'nas', fsrs: reviewedAt(T0, 1), retired: true },
    ];
    const result = readiness(
      items,
      [
        { id: 'storage', title: 'Storage' },
        { id: 'san', title: 'SAN' },
        { id: 'nas', title: 'NAS' },
      ],
      EXAM_DAY,
      SETTINGS,
    );
    expect(result.sections.map((s) => [s.sectionId, s.items, s.seen])).toEqual([
      ['san', 3, 2],
      ['nas', 1, 1],
    ]);
    expect(result.sections[0]?.predicted).toBeCloseTo((0.9 + 0 + 1) / 3, 6);
    expect(result.sections[1]?.predicted).toBeCloseTo(0.9, 6);
    expect(result.overall).toBeCloseTo((0.9 + 0 + 1 + 0.9) / 4, 6);
    expect([result.items, result.seen]).toEqual([4, 3]);
  });

  it('predicts 0 for a deck never studied', () => {
    const result = readiness(
      [{ section: 'san', fsrs: newFsrsFields(T0), retired: false }],
      [{ id: 'san', title: 'SAN' }],
      EXAM_DAY,
      SETTINGS,
    );
    expect(result.overall).toBe(0);
  });
});

describe('study plan', () => {
  it('counts the items to study for 80 % at the desired retention, and the days at the daily limit', () => {
    // 80 % of 500 items at 90 % recall each: ceil(444.4) = 445 items; 20 a day → 23 days; in 30 days → 15 a day.
    expect(studyPlan({ items: 500, seen: 0 }, 30, 20, 0.9)).toEqual({
      target: 0.8,
      itemsNeeded: 445,
      daysAtLimit: 23,
      perDayForExam: 15,
    });
  });

  it('counts what is already studied, and needs no plan once enough is', () => {
    expect(studyPlan({ items: 500, seen: 400 }, 10, 20, 0.9)?.itemsNeeded).toBe(45);
    expect(studyPlan({ items: 500, seen: 445 }, 10, 20, 0.9)).toBeNull();
  });

  it('has no per-day figure when the exam is today, and no plan above the desired retention', () => {
    expect(studyPlan({ items: 100, seen: 0 }, 0, 20, 0.9)?.perDayForExam).toBeNull();
    expect(studyPlan({ items: 100, seen: 0 }, 10, 0, 0.9)?.daysAtLimit).toBe(Number.POSITIVE_INFINITY);
    expect(studyPlan({ items: 100, seen: 0 }, 10, 20, 0.75)).toBeNull();
  });
});

describe('readinessByTag', () => {
  it('counts an item under each tag of its card, leaves untagged and retired items out, tags in order', () => {
    const tags = new Map([
      ['a', ['storage', 'net']],
      ['b', ['net']],
    ]);
    const items = [
      { cardId: 'a', section: 'general', fsrs: reviewedAt(T0, 10), retired: false }, // 0.9 on the exam day
      { cardId: 'b', section: 'general', fsrs: newFsrsFields(T0), retired: false }, // 0
      { cardId: 'b', section: 'general', fsrs: reviewedAt(T0, 10), retired: true },
      { cardId: 'c', section: 'general', fsrs: reviewedAt(T0, 10), retired: false },
    ];
    const rows = readinessByTag(items, (id) => tags.get(id) ?? [], EXAM_DAY, SETTINGS);
    expect(rows.map((r) => [r.title, r.items, r.seen])).toEqual([
      ['net', 2, 1],
      ['storage', 1, 1],
    ]);
    expect(rows[0]?.predicted).toBeCloseTo(0.45, 2);
    expect(rows[1]?.predicted).toBeCloseTo(0.9, 2);
  });
});
