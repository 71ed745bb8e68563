import { describe, expect, it } from 'vitest';
import { reviewItemsOf } from '../../../src/domain/deck/reviewItems';
import type { Card } from '../../../src/domain/deck/schema';
import { basic } from '../../helpers/builders';

describe('reviewItemsOf', () => {
  it.each([
    ['a basic card', basic('x'), ['x#1']],
    ['a reversed basic card', basic('x', { reversed: true }), ['x#1', 'x#2']],
    [
      'a cloze (one per deletion number)',
      { id: 'c', section: 's', kind: 'cloze', text: '{{c1::a}} {{c2::b}} {{c1::a}}' },
      ['c#1', 'c#2'],
    ],
    [
      'an mcq',
      {
        id: 'm',
        section: 's',
        kind: 'mcq',
        prompt: 'p',
        options: ['a', 'b'],
        correct: [0],
        explanation: 'e',
      },
      ['m#1'],
    ],
    [
      'a truefalse',
      { id: 't', section: 's', kind: 'truefalse', statement: 's', answer: true, explanation: 'e' },
      ['t#1'],
    ],
  ] satisfies Array<[string, Card, string[]]>)('%s', (_, card, ids) => {
    expect(reviewItemsOf(card).map((i) => i.itemId)).toEqual(ids);
  });
});
