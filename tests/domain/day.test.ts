import { describe, expect, it } from 'vitest';
import { nextStudyDayStart, studyDayStart } from '../../src/domain/day';

const at = (d: number, h: number, m = 0) => new Date(2026, 2, d, h, m).getTime();

describe('study day', () => {
  it.each([
    ['mid-morning', at(2, 10), at(2, 4), at(3, 4)],
    ['exactly at rollover', at(2, 4), at(2, 4), at(3, 4)],
    ['after midnight, before rollover: still yesterday', at(3, 2, 30), at(2, 4), at(3, 4)],
    ['late evening', at(2, 23, 59), at(2, 4), at(3, 4)],
  ])('%s', (_, now, start, next) => {
    expect(studyDayStart(now, 4)).toBe(start);
    expect(nextStudyDayStart(now, 4)).toBe(next);
  });

  it('honours another start hour', () => {
    expect(studyDayStart(at(2, 0, 30), 0)).toBe(at(2, 0));
  });
});
