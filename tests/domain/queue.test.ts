import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  candidatesAfterAnswer,
  gateCandidates,
  LEARN_AHEAD_MS,
  remainingLimits,
  sessionSiblingGate,
  siblingGate,
  summarizeToday,
  upcomingItems,
} from '../../src/domain/queue';
import type { CardStateRecord } from '../../src/domain/records';
import { MINUTE, T0 } from '../helpers/builders';
import { newItem } from '../helpers/items';

const learning = (id: string, due: number) => newItem(id, T0, { queue: 'learning', due });
const review = (id: string, due: number) => newItem(id, T0, { queue: 'review', due });
const fresh = (id: string) => newItem(id, T0);
const today = (cardsSeen: string[] = []) => ({ newDone: 0, reviewsDone: 0, cardsSeen: new Set(cardsSeen) });

describe('buildQueue', () => {
  it('shows due learning first, then reviews, then new', () => {
    const candidates = {
      learning: [learning('l#1', T0 + 5 * MINUTE), learning('m#1', T0 - MINUTE)],
      reviews: [review('r#1', T0 - MINUTE)],
      fresh: [fresh('n#1')],
    };
    expect(buildQueue(candidates, T0).current?.itemId).toBe('m#1');
    expect(
      buildQueue({ ...candidates, learning: [learning('l#1', T0 + 5 * MINUTE)] }, T0).current?.itemId,
    ).toBe('r#1');
    expect(buildQueue({ learning: [], reviews: [], fresh: [fresh('n#1')] }, T0).current?.itemId).toBe('n#1');
  });

  it('counts what is left today', () => {
    const queue = buildQueue(
      {
        learning: [learning('l#1', T0 + 5 * MINUTE)],
        reviews: [review('r#1', T0), review('s#1', T0)],
        fresh: [fresh('n#1')],
      },
      T0,
    );
    expect(queue.counts).toEqual({ new: 1, learning: 1, review: 2 });
  });

  it('learns ahead up to 20 minutes when nothing else is left, otherwise waits', () => {
    const soon = learning('l#1', T0 + LEARN_AHEAD_MS);
    expect(buildQueue({ learning: [soon], reviews: [], fresh: [] }, T0).current?.itemId).toBe('l#1');
    const later = learning('l#1', T0 + LEARN_AHEAD_MS + MINUTE);
    expect(buildQueue({ learning: [later], reviews: [], fresh: [] }, T0)).toEqual({
      current: null,
      counts: { new: 0, learning: 1, review: 0 },
      nextLearningDue: T0 + LEARN_AHEAD_MS + MINUTE,
    });
  });

  it('is empty when nothing is due', () => {
    expect(buildQueue({ learning: [], reviews: [], fresh: [] }, T0)).toEqual({
      current: null,
      counts: { new: 0, learning: 0, review: 0 },
      nextLearningDue: null,
    });
  });
});

describe('siblingGate', () => {
  it('lets one item per card through, in queue order', () => {
    const accept = siblingGate(today(), T0);
    const order = [
      learning('a#2', T0),
      review('a#1', T0),
      review('b#1', T0),
      fresh('b#2'),
      fresh('c#1'),
      fresh('c#2'),
    ];
    expect(order.filter(accept).map((i) => i.itemId)).toEqual(['a#2', 'b#1', 'c#1']);
  });

  it('holds back siblings of cards answered today, but not learning items already under way', () => {
    const accept = siblingGate(today(['a', 'b']), T0);
    expect(
      [review('a#2', T0), fresh('b#2'), learning('b#1', T0), fresh('c#1')]
        .filter(accept)
        .map((i) => i.itemId),
    ).toEqual(['b#1', 'c#1']);
  });

  it('skips buried items until their time', () => {
    const buried = review('a#1', T0);
    buried.buriedUntil = T0 + MINUTE;
    expect(siblingGate(today(), T0)(buried)).toBe(false);
    expect(siblingGate(today(), T0 + MINUTE)(buried)).toBe(true);
  });
});

describe('sessionSiblingGate (custom sessions that count as reviews)', () => {
  const answered = (...itemIds: string[]) =>
    itemIds.map((itemId) => ({ itemId, cardId: itemId.split('#')[0] as string }));

  it('one item per card; siblings of an item answered today wait, the item itself may come again', () => {
    const accept = sessionSiblingGate(answered('a#1', 'a#1'), T0);
    expect(
      [review('a#2', T0), review('a#1', T0), review('b#2', T0), review('b#1', T0), review('c#1', T0)]
        .filter(accept)
        .map((i) => i.itemId),
    ).toEqual(['a#1', 'b#2', 'c#1']);
  });

  it('a card with two items answered today offers none; buried items wait', () => {
    const accept = sessionSiblingGate(answered('a#1', 'a#2'), T0);
    const buried = review('b#1', T0);
    buried.buriedUntil = T0 + MINUTE;
    expect([review('a#1', T0), review('a#2', T0), buried].filter(accept)).toEqual([]);
  });

  it('never lets two items of one card through (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 3 })), { maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 3 })), { maxLength: 4 }),
        (candidates, logs) => {
          const accept = sessionSiblingGate(answered(...logs.map(([c, n]) => `${c}#${n}`)), T0);
          const taken = candidates.map(([c, n]) => review(`${c}#${n}`, T0)).filter(accept);
          const perCard = new Map<string, Set<string>>();
          for (const item of [...answered(...logs.map(([c, n]) => `${c}#${n}`)), ...taken]) {
            const ids = perCard.get(item.cardId) ?? new Set<string>();
            ids.add(item.itemId);
            perCard.set(item.cardId, ids);
          }
          for (const item of taken) expect(perCard.get(item.cardId)?.size).toBe(1);
        },
      ),
    );
  });
});

describe('daily limits', () => {
  it('counts new items introduced and reviews done today, from the review screen only', () => {
    const logs = [
      { state: 0, cardId: 'a', source: 'review' },
      { state: 1, cardId: 'a', source: 'review' },
      { state: 2, cardId: 'b', source: 'review' },
      { state: 2, cardId: 'c', source: 'exam' },
    ] as const;
    const summary = summarizeToday(logs);
    expect(summary).toEqual({ newDone: 1, reviewsDone: 1, cardsSeen: new Set(['a', 'b', 'c']) });
    expect(remainingLimits(summary, { newPerDay: 20, reviewsPerDay: 1 })).toEqual({
      newLeft: 19,
      reviewsLeft: 0,
    });
  });
});

describe('gateCandidates', () => {
  /** What a filtered, limited walk over the whole index gives: the reference the read-ahead must reproduce. */
  function walk(
    lists: { learning: CardStateRecord[]; reviews: CardStateRecord[]; fresh: CardStateRecord[] },
    cardsSeen: string[],
    limits: { newLeft: number; reviewsLeft: number },
  ) {
    const accept = siblingGate(today(cardsSeen), T0);
    const take = (list: CardStateRecord[], n: number) => {
      const out: CardStateRecord[] = [];
      for (const item of list) {
        if (out.length >= n) break;
        if (accept(item)) out.push(item);
      }
      return out;
    };
    const learningOut = lists.learning.filter(accept);
    const reviewsOut = take(lists.reviews, limits.reviewsLeft);
    return { learning: learningOut, reviews: reviewsOut, fresh: take(lists.fresh, limits.newLeft) };
  }

  it('asks for more of a list only when the gate left it short and the read stopped early', () => {
    const raw = {
      learning: [],
      reviews: [review('a#1', T0), review('a#2', T0)],
      fresh: [fresh('b#1'), fresh('c#1')],
    };
    const limits = { newLeft: 2, reviewsLeft: 2 };
    const cut = gateCandidates({ ...raw, complete: { reviews: false, fresh: false } }, today(), limits, T0);
    expect(cut.candidates.reviews.map((i) => i.itemId)).toEqual(['a#1']);
    expect(cut.readMore).toEqual({ reviews: true, fresh: false });
    const whole = gateCandidates({ ...raw, complete: { reviews: true, fresh: true } }, today(), limits, T0);
    expect(whole.readMore).toEqual({ reviews: false, fresh: false });
  });

  it('reading ahead by any amount and reading more while asked gives what a walk over the whole index gives', () => {
    // Items of a few cards (so siblings meet), some buried, in index order.
    const itemArb = fc.record({
      card: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      ordinal: fc.integer({ min: 1, max: 3 }),
      buried: fc.boolean(),
    });
    const listArb = (make: (id: string) => CardStateRecord) =>
      fc
        .uniqueArray(itemArb, { selector: (i) => `${i.card}#${i.ordinal}`, maxLength: 12 })
        .map((items) =>
          items.map((i) => ({ ...make(`${i.card}#${i.ordinal}`), buriedUntil: i.buried ? T0 + MINUTE : 0 })),
        );
    fc.assert(
      fc.property(
        listArb((id) => learning(id, T0)),
        listArb((id) => review(id, T0)),
        listArb(fresh),
        fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']),
        fc.record({ newLeft: fc.nat(6), reviewsLeft: fc.nat(6) }),
        fc.integer({ min: 1, max: 4 }),
        (learningList, reviewList, freshList, cardsSeen, limits, firstRead) => {
          let reviewRead = firstRead;
          let freshRead = firstRead;
          for (;;) {
            const reviews = reviewList.slice(0, reviewRead);
            const freshItems = freshList.slice(0, freshRead);
            const raw = {
              learning: learningList,
              reviews,
              fresh: freshItems,
              complete: { reviews: reviews.length < reviewRead, fresh: freshItems.length < freshRead },
            };
            const gated = gateCandidates(raw, today(cardsSeen), limits, T0);
            if (!gated.readMore.reviews && !gated.readMore.fresh) {
              expect(gated.candidates).toEqual(
                walk({ learning: learningList, reviews: reviewList, fresh: freshList }, cardsSeen, limits),
              );
              return;
            }
            if (gated.readMore.reviews) reviewRead *= 2;
            if (gated.readMore.fresh) freshRead *= 2;
          }
        },
      ),
    );
  });
});

describe('candidatesAfterAnswer', () => {
  const dayEnd = T0 + 12 * 60 * MINUTE;
  const candidates = {
    learning: [learning('l#1', T0 - MINUTE)],
    reviews: [review('r#1', T0 - MINUTE), review('s#1', T0 - MINUTE)],
    fresh: [fresh('n#1'), fresh('o#1')],
  };

  it('takes the answered item out of its list and back into learning when its next step is due today', () => {
    const after = { ...fresh('n#1'), queue: 'learning' as const, due: T0 + 10 * MINUTE };
    const next = candidatesAfterAnswer(candidates, after, dayEnd);
    expect(next?.fresh.map((i) => i.itemId)).toEqual(['o#1']);
    expect(next?.learning.map((i) => i.itemId)).toEqual(['l#1', 'n#1']);
    expect(next?.reviews).toEqual(candidates.reviews);
  });

  it('drops an item due after today, and says null for one still due today outside learning', () => {
    const later = { ...review('r#1', dayEnd + MINUTE) };
    expect(candidatesAfterAnswer(candidates, later, dayEnd)?.reviews.map((i) => i.itemId)).toEqual(['s#1']);
    expect(candidatesAfterAnswer(candidates, review('r#1', dayEnd - MINUTE), dayEnd)).toBeNull();
  });

  it('breaks ties between learning steps due at the same moment as the index does: by item id', () => {
    // Two reviews forgotten in the same second come back at the same moment; the one answered second has the
    // smaller id. A read walks [deckId+queue+due] and then the primary key, so it shows that one first.
    const due = T0 + 10 * MINUTE;
    const first = { ...review('z#1', due), queue: 'learning' as const };
    const second = { ...review('b#1', due), queue: 'learning' as const };
    const after = candidatesAfterAnswer({ ...candidates, learning: [first] }, second, dayEnd);
    if (!after) throw new Error('not computed');
    expect(buildQueue(after, due).current?.itemId).toBe('b#1');
    expect(upcomingItems(after, due, 2).map((i) => i.itemId)).toEqual([
      'b#1',
      'z#1',
      'r#1',
      's#1',
      'n#1',
      'o#1',
    ]);
  });

  it('lists the items that can come next, learning due soon first', () => {
    const soon = {
      ...candidates,
      learning: [learning('k#1', T0 + 2 * LEARN_AHEAD_MS), ...candidates.learning],
    };
    expect(upcomingItems(soon, T0, 1).map((i) => i.itemId)).toEqual(['l#1', 'r#1', 'n#1']);
  });
});
