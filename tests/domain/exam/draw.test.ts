import { describe, expect, it } from 'vitest';
import { type Candidate, examCandidates } from '../../../src/domain/exam/candidates';
import { availableCount, drawExam, weaknessWeight } from '../../../src/domain/exam/draw';
import { seededRandom } from '../../../src/domain/exam/random';
import type { ExamConfig } from '../../../src/domain/exam/record';
import type { FsrsFields } from '../../../src/domain/records';
import { newFsrsFields } from '../../../src/domain/scheduler';
import { DAY, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { ALL_SECTIONS, EXAM_DECK_CARDS, EXAM_DECK_META, SECTION_ORDER } from './examDeck';

const candidates = examCandidates(EXAM_DECK_CARDS, EXAM_DECK_META);
type DrawConfig = Pick<ExamConfig, 'count' | 'sections' | 'tags' | 'order'>;
const config = (overrides: Partial<DrawConfig> = {}): DrawConfig => ({
  count: 5,
  sections: ALL_SECTIONS,
  tags: [],
  order: 'random',
  ...overrides,
});
const draw = (seed: string, c: DrawConfig = config(), weightOf = (_: string) => 1) =>
  drawExam({ candidates, config: c, weightOf, sectionOrder: SECTION_ORDER, random: seededRandom(seed) });
const seeds = Array.from({ length: 300 }, (_, i) => `seed-${i}`);

function reviewed(stability: number, lastReview: number, overrides: Partial<FsrsFields> = {}): FsrsFields {
  return {
    ...newFsrsFields(lastReview),
    state: 2,
    stability,
    difficulty: 5,
    reps: 3,
    last_review: lastReview,
    due: lastReview + stability * DAY,
    ...overrides,
  };
}

describe('drawExam', () => {
  it('represents every selected section, whatever the seed', () => {
    for (const seed of seeds) {
      const sections = new Set(draw(seed, config({ count: 3 })).map((q) => q.section));
      expect(sections).toEqual(new Set(ALL_SECTIONS));
    }
  });

  it('never asks the same question, or two questions of one card, twice', () => {
    for (const seed of seeds) {
      const questions = draw(seed, config({ count: 50 }));
      expect(questions).toHaveLength(availableCount(candidates, config()));
      expect(new Set(questions.map((q) => q.cardId)).size).toBe(questions.length);
    }
  });

  it('gives the same exam for the same seed, and another for another seed', () => {
    expect(draw('exam-1')).toEqual(draw('exam-1'));
    expect(draw('exam-1')).not.toEqual(draw('exam-2'));
  });

  it('draws only from the chosen sections and tags', () => {
    for (const seed of seeds.slice(0, 50)) {
      expect(draw(seed, config({ sections: ['nas'] })).every((q) => q.section === 'nas')).toBe(true);
      expect(draw(seed, config({ tags: ['network'] })).every((q) => q.tags.includes('network'))).toBe(true);
    }
  });

  it('puts questions in guide order when asked: sections in tree order, cards in deck order', () => {
    const questions = draw('x', config({ count: 50, order: 'guide' }));
    const sectionRank = questions.map((q) => SECTION_ORDER.indexOf(q.section));
    expect(sectionRank).toEqual([...sectionRank].sort((a, b) => a - b));
  });

  it('draws weak cards more often than strong ones', () => {
    // Two questions from the VXLAN section compete for one slot beyond the coverage picks.
    const weak = 'vx.port#1';
    const strong = 'vx.bits#1';
    const weights: Record<string, number> = { [weak]: 6, [strong]: 1 };
    let weakCount = 0;
    let strongCount = 0;
    for (const seed of seeds) {
      const ids = draw(seed, config({ count: 2, sections: ['vxlan'] }), (id) => weights[id] ?? 1).map(
        (q) => q.itemId,
      );
      if (ids.includes(weak)) weakCount++;
      if (ids.includes(strong)) strongCount++;
    }
    expect(weakCount).toBeGreaterThan(strongCount * 2);
  });
});

describe('weaknessWeight', () => {
  it.each([
    ['never reviewed', undefined, 4],
    ['new (state 0)', newFsrsFields(T0), 4],
    ['reviewed just now (recall 1)', reviewed(10, T0), 1],
    ['at its stability (recall 0.9)', reviewed(10, T0 - 10 * DAY), 1.3],
    ['relearning after a lapse', reviewed(10, T0, { state: 3, lapses: 1 }), 3],
    ['lapsed a week ago', reviewed(10, T0 - 7 * DAY, { lapses: 1 }), undefined],
    ['lapsed long ago', reviewed(100, T0, { lapses: 1, last_review: T0 - 100 * DAY }), 1.3],
  ] as const)('%s', (_, fsrs, expected) => {
    const weight = weaknessWeight(fsrs, T0, SETTINGS);
    if (expected === undefined) expect(weight).toBeGreaterThan(3);
    else expect(weight).toBeCloseTo(expected, 5);
  });
});

describe('drawExam over a large deck', () => {
  // 3,000 candidates in 12 sections; every card has two questions (a cloze's c1 and c2), so one per card
  // matters; weights vary.
  const big: Candidate[] = Array.from({ length: 3000 }, (_, i) => ({
    itemId: `c${Math.floor(i / 2)}#${(i % 2) + 1}`,
    cardId: `c${Math.floor(i / 2)}`,
    section: `s${Math.floor(i / 2) % 12}`,
    tags: [],
    position: i,
    source: 'flashcard' as const,
    question: `Q${i}`,
    keys: ['k'],
    wrong: ['a', 'b', 'c'],
    optionCount: 4,
    fixedOrder: false,
    explanation: '',
  }));
  const sections = Array.from({ length: 12 }, (_, s) => `s${s}`);
  const weightOf = (id: string) => 1 + (Number(id.slice(1, id.indexOf('#'))) % 5);

  /** The plain algorithm: sort every key, coverage first, then one question per card. */
  function reference(seed: string, count: number): string[] {
    const random = seededRandom(seed);
    const keyed = big
      .map((c) => ({ c, key: random() ** (1 / weightOf(c.itemId)) }))
      .sort((a, b) => b.key - a.key);
    const chosen: Candidate[] = [];
    const used = new Set<string>();
    const best = new Map<string, Candidate>();
    for (const { c } of keyed) if (!best.has(c.section)) best.set(c.section, c);
    for (const c of best.values())
      if (chosen.length < count) {
        chosen.push(c);
        used.add(c.cardId);
      }
    for (const { c } of keyed) {
      if (chosen.length >= count) break;
      if (!used.has(c.cardId)) {
        chosen.push(c);
        used.add(c.cardId);
      }
    }
    return chosen.map((c) => c.itemId).sort();
  }

  it('draws exactly what sorting every key would, for any count', () => {
    for (const [seed, count] of [
      ['a', 40],
      ['b', 12],
      ['c', 300],
      ['d', 1500],
      ['e', 5000],
    ] as const) {
      const drawn = drawExam({
        candidates: big,
        config: { count, sections, tags: [], order: 'guide' },
        weightOf,
        sectionOrder: sections,
        random: seededRandom(seed),
      });
      expect(drawn.map((q) => q.itemId).sort()).toEqual(reference(seed, count));
      expect(new Set(drawn.map((q) => q.cardId)).size).toBe(drawn.length);
    }
  });
});
