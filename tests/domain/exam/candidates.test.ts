import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionsClash } from '../../../src/domain/deck/examOptions';
import { examCandidates, possibleOptions, toQuestion } from '../../../src/domain/exam/candidates';
import { seededRandom } from '../../../src/domain/exam/random';
import { EXAM_DECK_CARDS, EXAM_DECK_META } from './examDeck';

const candidates = examCandidates(EXAM_DECK_CARDS, EXAM_DECK_META);
const byItem = (itemId: string) => candidates.find((c) => c.itemId === itemId);

describe('exam candidates', () => {
  it('asks mcq and truefalse cards with their own options', () => {
    expect(byItem('san.q#1')).toMatchObject({
      source: 'mcq',
      keys: ['SAN'],
      wrong: ['NAS', 'DAS', 'VXLAN', 'VPN'],
      optionCount: 4,
    });
    expect(byItem('nas.tf#1')).toMatchObject({ source: 'truefalse', keys: ['True'], optionCount: 2 });
  });

  it('asks a flashcard only with the wrong options a person vetted, never other cards’ answers', () => {
    expect(byItem('san.level#1')).toMatchObject({
      keys: ['Block-level'],
      wrong: ['File-level', 'Object-level', 'OS-level'],
    });
    expect(byItem('san.ibm#1')?.wrong).toEqual([
      'HPE 3PAR/Primera',
      'Pure Storage FlashArray',
      'NetApp AFF/FAS',
    ]);
    // No vetted options: not asked, though other cards have answers "of the same kind".
    for (const id of ['san.hpe#1', 'san.pure#1', 'nas.level#1', 'vx.vtep#1', 'vx.cloze#1'])
      expect(byItem(id)).toBeUndefined();
  });

  it('offers a whole answer set smaller than four (SAN, NAS, DAS) as a three-option question', () => {
    expect(byItem('san.kind#1')).toMatchObject({ keys: ['SAN'], wrong: ['NAS', 'DAS'], optionCount: 3 });
  });

  it('turns a cloze deletion with vetted options into a question with a blank', () => {
    expect(byItem('vx.cloze#2')).toMatchObject({
      question: 'VLAN IDs run 1-4094; VXLAN has _____.',
      keys: ['16 million'],
      optionCount: 4,
    });
  });

  it('shows the key once, optionCount options, none clashing with another (any seed)', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const random = seededRandom(seed);
        for (const candidate of candidates) {
          const q = toQuestion(candidate, random);
          expect(q.options).toHaveLength(candidate.optionCount);
          expect(q.correct.map((i) => q.options[i])).toEqual(expect.arrayContaining([...candidate.keys]));
          expect(q.correct).toHaveLength(candidate.keys.length);
          for (const option of q.options) expect(possibleOptions(candidate)).toContain(option);
          for (const [i, a] of q.options.entries())
            for (const b of q.options.slice(i + 1)) expect(optionsClash(a, b)).toBe(false);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('keeps True, False in that order', () => {
    const tf = byItem('vx.tf#1');
    if (!tf) throw new Error('missing');
    expect(toQuestion(tf, seededRandom('a')).options).toEqual(['True', 'False']);
  });

  it('skips retired cards', () => {
    const retired = EXAM_DECK_CARDS.map((c) => (c.card.id === 'san.q' ? { ...c, retired: true } : c));
    expect(examCandidates(retired, EXAM_DECK_META).some((c) => c.cardId === 'san.q')).toBe(false);
  });
});

describe('option order', () => {
  it('is the same for the same seed', () => {
    for (const candidate of candidates)
      expect(toQuestion(candidate, seededRandom('s1'))).toEqual(toQuestion(candidate, seededRandom('s1')));
  });

  it('puts the key in each position equally often over many seeds (chi-square, 3 degrees of freedom)', () => {
    const candidate = byItem('san.q#1');
    if (!candidate) throw new Error('missing');
    const runs = 4000;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < runs; i++) {
      const q = toQuestion(candidate, seededRandom(`exam-${i}`));
      const at = q.correct[0] ?? 0;
      counts[at] = (counts[at] ?? 0) + 1;
    }
    const expected = runs / 4;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 16.27 is the 99.9th percentile of chi-square with 3 degrees of freedom: a fair shuffle fails 1 in 1000.
    expect(chi2).toBeLessThan(16.27);
    // Every wrong option shows up, not always the same three.
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++)
      for (const o of toQuestion(candidate, seededRandom(`w-${i}`)).options) seen.add(o);
    expect(seen).toEqual(new Set(possibleOptions(candidate)));
  });
});
