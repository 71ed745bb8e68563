import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examCandidates } from '../../../src/domain/exam/candidates';
import {
  arrangeQuestions,
  type CardItems,
  type Drawn,
  drawExamCards,
  MAX_WEIGHT,
  type PickLookup,
  type SectionPool,
  weaknessWeight,
} from '../../../src/domain/exam/draw';
import { seededRandom } from '../../../src/domain/exam/random';
import type { FsrsFields } from '../../../src/domain/records';
import { newFsrsFields } from '../../../src/domain/scheduler';
import { DAY, T0 } from '../../helpers/builders';
import { SETTINGS } from '../../helpers/items';
import { EXAM_DECK_CARDS, EXAM_DECK_META, SECTION_ORDER } from './examDeck';

type Deck = Map<string, CardItems>;
type Pools = { pools: SectionPool[]; lists: string[][] };

/** A lookup over an in-memory deck (cards listed per pool) that records every card it was asked about. */
function lookupOf(deck: Deck, lists: string[][], asked: string[] = []): PickLookup {
  return async (picks) =>
    picks.map(({ pool, index }) => {
      const cardId = lists[pool]?.[index];
      if (cardId === undefined) throw new Error(`no position ${pool}:${index}`);
      asked.push(cardId);
      const items = deck.get(cardId);
      return items ? { cardId, items } : null;
    });
}

const poolsOf = (lists: string[][]): Pools => ({
  lists,
  pools: lists.map((cards, i) => ({ section: `s${i}`, size: cards.length })),
});

/** `sections` sections of `perSection` cards each; card i has 1 + (i % items) items, weights from `weightOf`. */
function makeDeck(
  sections: number,
  perSection: number,
  items = 1,
  weightOf: (card: number, ordinal: number) => number = () => 1,
): { deck: Deck } & Pools {
  const deck: Deck = new Map();
  const lists: string[][] = [];
  for (let s = 0; s < sections; s++) {
    const cards: string[] = [];
    for (let j = 0; j < perSection; j++) {
      const i = s * perSection + j;
      const id = `c${i}`;
      cards.push(id);
      deck.set(
        id,
        Array.from({ length: 1 + (i % items) }, (_, o) => ({
          itemId: `${id}#${o + 1}`,
          weight: weightOf(i, o + 1),
        })),
      );
    }
    lists.push(cards);
  }
  return { deck, ...poolsOf(lists) };
}

const sectionOf = (lists: string[][], cardId: string) => lists.findIndex((cards) => cards.includes(cardId));

const draw = (deck: Deck, { pools, lists }: Pools, count: number, seed: string, asked?: string[]) =>
  drawExamCards({ pools, count, lookup: lookupOf(deck, lists, asked), random: seededRandom(seed) });

describe('drawExamCards', () => {
  it('asks min(count, cards) questions, one per card, each an item of its card, covering every section it can', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 60 }),
        fc.string(),
        fc.array(fc.double({ min: 1, max: MAX_WEIGHT, noNaN: true }), { minLength: 1, maxLength: 7 }),
        async (sections, perSection, items, count, seed, weights) => {
          const { deck, ...pools } = makeDeck(
            sections,
            perSection,
            items,
            (i, o) => weights[(i + o) % weights.length] ?? 1,
          );
          const drawn = await draw(deck, pools, count, seed);
          expect(drawn).toHaveLength(Math.min(count, sections * perSection));
          expect(new Set(drawn.map((d) => d.cardId)).size).toBe(drawn.length);
          for (const d of drawn) expect(deck.get(d.cardId)?.some((i) => i.itemId === d.itemId)).toBe(true);
          const covered = new Set(drawn.map((d) => sectionOf(pools.lists, d.cardId)));
          const nonEmpty = pools.lists.filter((cards) => cards.length > 0).length;
          expect(covered.size).toBe(Math.min(count, nonEmpty, drawn.length));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same exam for the same seed, and another for another seed', async () => {
    const { deck, ...pools } = makeDeck(4, 50, 2, (i) => 1 + (i % 6));
    expect(await draw(deck, pools, 20, 'exam-1')).toEqual(await draw(deck, pools, 20, 'exam-1'));
    expect(await draw(deck, pools, 20, 'exam-1')).not.toEqual(await draw(deck, pools, 20, 'exam-2'));
  });

  it('draws a card in proportion to its weight (the rejection sampler is exact)', async () => {
    const deck: Deck = new Map([
      ['a', [{ itemId: 'a#1', weight: 1 }]],
      ['b', [{ itemId: 'b#1', weight: 2 }]],
      ['c', [{ itemId: 'c#1', weight: 3 }]],
    ]);
    const pools = poolsOf([['a', 'b', 'c']]);
    const runs = 3000;
    const seen: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < runs; i++) {
      const [first] = await draw(deck, pools, 1, `p${i}`);
      seen[first?.cardId ?? '?'] = (seen[first?.cardId ?? '?'] ?? 0) + 1;
    }
    expect((seen.a ?? 0) / runs).toBeCloseTo(1 / 6, 1);
    expect((seen.b ?? 0) / runs).toBeCloseTo(2 / 6, 1);
    expect((seen.c ?? 0) / runs).toBeCloseTo(3 / 6, 1);
  });

  it('draws weak cards more often than strong ones', async () => {
    // Half the cards weigh 6, half 1.
    const { deck, ...pools } = makeDeck(1, 200, 1, (i) => (i % 2 === 0 ? 6 : 1));
    let weak = 0;
    let strong = 0;
    for (let i = 0; i < 100; i++)
      for (const d of await draw(deck, pools, 10, `w${i}`)) {
        if (Number(d.cardId.slice(1)) % 2 === 0) weak++;
        else strong++;
      }
    expect(weak).toBeGreaterThan(strong * 3);
  });

  it('asks a card’s weaker item more often', async () => {
    // Every card has two items, weighing 1 and 5.
    const { deck } = makeDeck(1, 50, 2, (_, o) => (o === 2 ? 5 : 1));
    const twoItems = [...deck.keys()].filter((c) => deck.get(c)?.length === 2);
    const twoPools = poolsOf([twoItems]);
    let weakItem = 0;
    let all = 0;
    for (let i = 0; i < 60; i++)
      for (const d of await draw(deck, twoPools, 5, `i${i}`)) {
        all++;
        if (d.itemId.endsWith('#2')) weakItem++;
      }
    expect(weakItem / all).toBeGreaterThan(0.7);
  });

  it('looks up a few hundred cards for a 40-question exam out of 20,000, not all of them', async () => {
    const { deck, ...pools } = makeDeck(20, 1000, 1, (i) => 1 + (i % 4));
    const asked: string[] = [];
    const drawn = await draw(deck, pools, 40, 'big', asked);
    expect(drawn).toHaveLength(40);
    expect(new Set(asked).size).toBeLessThan(1000);
  });

  it('skips cards the lookup no longer knows', async () => {
    const { deck, ...pools } = makeDeck(1, 10);
    deck.delete('c3');
    const drawn: Drawn[] = await draw(deck, pools, 10, 'gone');
    expect(drawn.map((d) => d.cardId)).not.toContain('c3');
    expect(drawn).toHaveLength(9);
  });
});

describe('arrangeQuestions', () => {
  const candidates = examCandidates(EXAM_DECK_CARDS, EXAM_DECK_META);

  it('puts questions in guide order when asked: sections in tree order, cards in deck order', () => {
    const questions = arrangeQuestions([...candidates].reverse(), 'guide', SECTION_ORDER, seededRandom('x'));
    const sectionRank = questions.map((q) => SECTION_ORDER.indexOf(q.section));
    expect(sectionRank).toEqual([...sectionRank].sort((a, b) => a - b));
    expect(questions.map((q) => q.itemId).sort()).toEqual(candidates.map((c) => c.itemId).sort());
  });

  it('shuffles them otherwise, the same way for the same seed', () => {
    const a = arrangeQuestions(candidates, 'random', SECTION_ORDER, seededRandom('y'));
    expect(a).toEqual(arrangeQuestions(candidates, 'random', SECTION_ORDER, seededRandom('y')));
    expect(a.map((q) => q.itemId)).not.toEqual(candidates.map((c) => c.itemId));
  });
});

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
