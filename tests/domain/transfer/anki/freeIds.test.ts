import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeIds } from '../../../../src/domain/transfer/anki/writeApkg';

describe('freeIds (new Anki note and card ids)', () => {
  it('hands out the wanted id, or the first one above it not taken yet (property, against counting up)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 60 }),
        (takenIds, wanted) => {
          const next = freeIds(new Set(takenIds));
          const naive = new Set(takenIds);
          for (const w of wanted) {
            let expected = w;
            while (naive.has(expected)) expected++;
            naive.add(expected);
            expect(next(w)).toBe(expected);
          }
        },
      ),
    );
  });

  it('gives 100,000 cards added at the same moment consecutive ids', () => {
    const next = freeIds(new Set([1_000_002]));
    const ids = Array.from({ length: 100_000 }, () => next(1_000_000));
    expect(ids.slice(0, 4)).toEqual([1_000_000, 1_000_001, 1_000_003, 1_000_004]);
    expect(new Set(ids).size).toBe(100_000);
    expect(ids.at(-1)).toBe(1_100_000);
  });
});
