import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  LEARN_AHEAD_MS,
  remainingLimits,
  siblingGate,
  summarizeToday,
} from '../../src/domain/queue';
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
