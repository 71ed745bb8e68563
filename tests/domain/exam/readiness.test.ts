import { describe, expect, it } from 'vitest';
import { readiness } from '../../../src/domain/exam/readiness';
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
