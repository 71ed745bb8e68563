import { cmp } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inKeyOrder } from '../../src/db/transfer/keyOrder';

const row = fc.record({
  deckId: fc.constantFrom('a', 'b', 'deck-ü'),
  id: fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 })),
  n: fc.nat(),
});

describe('inKeyOrder', () => {
  it('gives the same rows sorted by compound key in IndexedDB order (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const sorted = inKeyOrder(rows, ['deckId', 'id']);
        expect([...sorted].sort((a, b) => a.n - b.n || cmp(a.id, b.id))).toEqual(
          [...rows].sort((a, b) => a.n - b.n || cmp(a.id, b.id)),
        );
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1], sorted[i]];
          if (a && b) expect(cmp([a.deckId, a.id], [b.deckId, b.id])).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('sorts c10 after c2 as IndexedDB does (as strings), and keeps rows already in order as they are', () => {
    const rows = ['c2', 'c10', 'c1'].map((id) => ({ id }));
    expect(inKeyOrder(rows, 'id').map((r) => r.id)).toEqual(['c1', 'c10', 'c2']);
    const ordered = [{ id: 1 }, { id: 2 }, { id: 30 }];
    expect(inKeyOrder(ordered, 'id')).toBe(ordered);
  });

  it('leaves rows without a key (to be numbered when added) in their order', () => {
    const rows = [{ id: 3 }, { text: 'no key' }, { id: 1 }];
    expect(inKeyOrder(rows, 'id')).toBe(rows);
  });
});
