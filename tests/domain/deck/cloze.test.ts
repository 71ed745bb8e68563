import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../../src/domain/deck/cloze';

describe('parseCloze', () => {
  it('splits text and deletions, with hints', () => {
    expect(parseCloze('VXLAN uses {{c1::UDP}} port {{c2::4789::a number}}.')).toEqual({
      ok: true,
      numbers: [1, 2],
      segments: [
        { type: 'text', text: 'VXLAN uses ' },
        { type: 'deletion', n: 1, answer: 'UDP' },
        { type: 'text', text: ' port ' },
        { type: 'deletion', n: 2, answer: '4789', hint: 'a number' },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('hides a repeated number together', () => {
    const parsed = parseCloze('{{c1::SAN}} is block-level; {{c1::SAN}} uses Fibre Channel');
    expect(parsed).toMatchObject({ ok: true, numbers: [1] });
  });

  it.each([
    ['no deletion', 'plain text', 'has no deletion like {{c1::answer}}'],
    ['a gap', '{{c2::x}}', 'deletions must be numbered c1, c2, ... without gaps (c1 is missing)'],
    ['c0', '{{c0::x}}', 'deletion "{{c0::x}}" must be numbered from c1'],
    ['an empty answer', '{{c1::}}', 'deletion c1 has an empty answer'],
    [
      'an unclosed deletion',
      '{{c1::x}} and {{c2::y',
      'has a malformed deletion near "and {{c2::y" (expected {{cN::answer}})',
    ],
  ])('rejects %s', (_, text, error) => {
    expect(parseCloze(text)).toEqual({ ok: false, error });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'c', '1', '2', ':', 'a', ' ') }), (text) => {
        const parsed = parseCloze(text);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back the answers of any well-formed cloze it is given', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 .-]{1,12}$/).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.map(([before, answer], i) => `${before}{{c${i + 1}::${answer}}}`).join('');
        const parsed = parseCloze(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.numbers).toEqual(parts.map((_, i) => i + 1));
        const answers = parsed.segments.flatMap((s) => (s.type === 'deletion' ? [s.answer] : []));
        expect(answers).toEqual(parts.map(([, answer]) => answer));
      }),
    );
  });
});
