import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterAnswer,
  CUSTOM_STUDY_LIMIT,
  type CustomSession,
  type CustomStudy,
  currentItemId,
  customStudySearch,
  MAX_DAYS,
  parseCustomStudy,
  remaining,
  writesAnswers,
} from '../../src/domain/customStudy';

const study: fc.Arbitrary<CustomStudy> = fc.oneof(
  fc.integer({ min: 1, max: MAX_DAYS }).map((days) => ({ mode: 'ahead', days }) as const),
  fc.integer({ min: 1, max: MAX_DAYS }).map((days) => ({ mode: 'forgotten', days }) as const),
  fc.integer({ min: 1, max: CUSTOM_STUDY_LIMIT }).map((count) => ({ mode: 'preview', count }) as const),
  fc.string({ minLength: 1 }).map((section) => ({ mode: 'cram', section }) as const),
  fc.string({ minLength: 1 }).map((tag) => ({ mode: 'cram', tag }) as const),
);

describe('custom study addresses', () => {
  it('a session survives its address (round trip)', () => {
    fc.assert(
      fc.property(study, (s) => {
        expect(parseCustomStudy(new URLSearchParams(customStudySearch(s)))).toEqual(s);
      }),
    );
  });

  it('any query string parses to a valid session or to none, never throws', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        const parsed = parseCustomStudy(new URLSearchParams(query));
        if (parsed === null) return;
        if (parsed.mode === 'ahead' || parsed.mode === 'forgotten')
          expect(parsed.days >= 1 && parsed.days <= MAX_DAYS).toBe(true);
        if (parsed.mode === 'preview')
          expect(parsed.count >= 1 && parsed.count <= CUSTOM_STUDY_LIMIT).toBe(true);
      }),
    );
  });

  it('refuses out-of-range and malformed numbers', () => {
    for (const q of [
      'ahead=0',
      'ahead=366',
      'ahead=-1',
      'ahead=1.5',
      'forgotten=x',
      'preview=101',
      'cram=tag:',
      'cram=x',
    ])
      expect(parseCustomStudy(new URLSearchParams(q))).toBeNull();
  });

  it('only review ahead and forgotten cards write answers', () => {
    expect(writesAnswers({ mode: 'ahead', days: 1 })).toBe(true);
    expect(writesAnswers({ mode: 'forgotten', days: 1 })).toBe(true);
    expect(writesAnswers({ mode: 'cram', tag: 't' })).toBe(false);
    expect(writesAnswers({ mode: 'preview', count: 1 })).toBe(false);
  });
});

describe('a custom session', () => {
  it('shows each item once; Again in a session that writes nothing shows it once more at the end', () => {
    let s: CustomSession = { order: ['a', 'b'], position: 0 };
    s = afterAnswer(s, true, false);
    expect(currentItemId(s)).toBe('b');
    expect(remaining(s)).toBe(2);
    s = afterAnswer(s, false, false);
    expect(currentItemId(s)).toBe('a');
    s = afterAnswer(s, false, false);
    expect(currentItemId(s)).toBeNull();
    expect(afterAnswer(s, true, false)).toBe(s);
    const counted = afterAnswer({ order: ['a'], position: 0 }, true, true);
    expect(currentItemId(counted)).toBeNull();
  });
});
