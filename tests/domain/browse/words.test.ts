import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from '../../../src/domain/browse/filters';
import { queryWords, wordsIn, wordsOf } from '../../../src/domain/browse/words';
import { basic } from '../../helpers/builders';

describe('search words', () => {
  it('folds case and accents and splits at anything not a letter or digit', () => {
    expect(wordsOf(basic('x', { front: 'Café: VXLAN-over-UDP (port 4789)?', back: 'Ünïcode' }))).toEqual([
      '4789',
      'cafe',
      'over',
      'port',
      'udp',
      'unicode',
      'vxlan',
    ]);
    expect(
      wordsOf({ id: 'c', section: 's', kind: 'cloze', text: 'A {{c1::SAN::storage}} is block-level' }),
    ).toEqual(['a', 'block', 'is', 'level', 'san', 'storage']);
  });

  it('any text is found by any of its own words (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (text, pick) => {
        const words = wordsIn(text);
        if (words.length === 0) return;
        const query = queryWords(text.slice(0, 1000));
        const stored = new Set(wordsOf(basic('x', { front: text || 'x', back: 'b' })));
        const word = query[pick % query.length] as string;
        expect([...stored].some((w) => w.startsWith(word.slice(0, 32)))).toBe(true);
      }),
    );
  });
});

describe('filters in the address', () => {
  it('keep deck and section, drop what does not parse', () => {
    const f = filtersFromParams(
      new URLSearchParams('deck=virtualization&section=san&q=block&lapses=x&state=nope'),
    );
    expect(f).toEqual({ deck: 'virtualization', section: 'san', q: 'block' });
    expect(paramsFromFilters(f).toString()).toBe('q=block&deck=virtualization&section=san');
  });

  it('round-trip (property)', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            q: fc.string({ minLength: 1, maxLength: 20 }),
            lapses: fc.integer({ min: 0, max: 50 }),
            rBelow: fc.integer({ min: 0, max: 100 }),
            state: fc.constantFrom('new', 'review', 'buried' as const),
          },
          { requiredKeys: [] },
        ),
        (filters) => {
          expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
        },
      ),
    );
  });
});
