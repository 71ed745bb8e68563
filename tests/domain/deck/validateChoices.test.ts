import { describe, expect, it } from 'vitest';
import { optionsClash, vettedChoices } from '../../../src/domain/deck/examOptions';
import type { Deck } from '../../../src/domain/deck/schema';
import { formatIssue, validateDeck } from '../../../src/domain/deck/validate';
import { basic, makeDeck } from '../../helpers/builders';

const messages = (deck: unknown) => {
  const result = validateDeck(deck);
  return result.ok ? [] : result.issues.map(formatIssue);
};

const v2 = (overrides: Partial<Deck> = {}) =>
  makeDeck({
    formatVersion: 2,
    answerSets: [{ id: 'storage-types', answers: ['SAN', 'NAS', 'DAS'] }],
    ...overrides,
  });

describe('deck formatVersion 1 and 2', () => {
  it('still reads a version 1 deck', () => {
    expect(messages(makeDeck({ formatVersion: 1 }))).toEqual([]);
  });

  it('refuses the version 2 fields in a version 1 deck, naming them', () => {
    expect(
      messages(
        makeDeck({
          formatVersion: 1,
          examOptions: 4,
          cards: [basic('a.one', { wrong: ['x', 'y', 'z'] })],
        }),
      ),
    ).toEqual([
      'field "examOptions": needs "formatVersion": 2',
      'card "a.one" (cards[0]) field "wrong": needs "formatVersion": 2',
    ]);
  });

  it('accepts authored wrong options, cloze options per deletion and answer sets', () => {
    const deck = v2({
      cards: [
        basic('a.one', { back: 'Block-level', wrong: ['File-level', 'Object-level', 'OS-level'] }),
        basic('a.two', { back: 'SAN', answerSet: 'storage-types' }),
        {
          id: 'a.cloze',
          section: 'alpha',
          kind: 'cloze',
          text: '{{c1::VXLAN}} uses UDP port {{c2::4789}}.',
          wrong: { c2: ['4790', '8472', '6081'] },
        },
      ],
    });
    expect(messages(deck)).toEqual([]);
  });

  it.each([
    [
      'a wrong option that contains the answer',
      { cards: [basic('a.one', { back: 'host', wrong: ['host OS', 'guest', 'kernel'] })] },
      'card "a.one" (cards[0]) field "wrong[0]": "host OS" repeats the words of the answer "host"',
    ],
    [
      'two wrong options with the same words',
      { cards: [basic('a.one', { back: 'SAN', wrong: ['NAS', 'nas.', 'DAS'] })] },
      'card "a.one" (cards[0]) field "wrong[1]": "nas." repeats the words of "NAS"',
    ],
    [
      'too few wrong options',
      { cards: [basic('a.one', { back: 'SAN', wrong: ['NAS'] })] },
      'card "a.one" (cards[0]) field "wrong": gives 1 usable wrong options; exam questions of this deck need 3',
    ],
    [
      'an unknown answer set',
      { cards: [basic('a.one', { back: 'SAN', answerSet: 'nope' })] },
      'card "a.one" (cards[0]) field "answerSet": unknown answer set "nope"',
    ],
    [
      'an answer set that does not hold the answer',
      { cards: [basic('a.one', { back: 'VXLAN', answerSet: 'storage-types' })] },
      'card "a.one" (cards[0]) field "answerSet": answer set "storage-types" does not hold the answer "VXLAN"',
    ],
    [
      'options for a deletion the text does not have',
      {
        cards: [
          {
            id: 'c',
            section: 'alpha',
            kind: 'cloze' as const,
            text: '{{c1::a}} b',
            wrong: { c2: ['x', 'y', 'z'] },
          },
        ],
      },
      'card "c" (cards[0]) field "wrong.c2": the text has no deletion c2',
    ],
    [
      'mcq options with the same words',
      {
        cards: [
          {
            id: 'm',
            section: 'alpha',
            kind: 'mcq' as const,
            prompt: 'Which?',
            options: ['VXLAN Network Identifier', 'The 24-bit VXLAN Network Identifier (VNI)', 'x', 'y'],
            correct: [0],
            explanation: 'e',
          },
        ],
      },
      'card "m" (cards[0]) field "options[1]": repeats the words of option 0 ("VXLAN Network Identifier")',
    ],
  ] as const)('reports %s', (_, overrides, message) => {
    expect(messages(v2(overrides as unknown as Partial<Deck>))).toContain(message);
  });
});

describe('optionsClash', () => {
  it.each([
    ['host', 'host OS', true],
    ['VirtualBox', 'Oracle VirtualBox', true],
    ['VXLAN Network Identifier', 'The 24-bit VXLAN Network Identifier (VNI)', true],
    ['SAN', 'san', true],
    ['SAN', 'vSAN', false],
    ['Type 1', 'Type 2', false],
    ['Remote Access VPN', 'SSL VPN', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(optionsClash(a, b)).toBe(expected);
  });
});

describe('vettedChoices', () => {
  it('has none for a flashcard without vetted options', () => {
    expect(vettedChoices(basic('a'), 1, new Map())).toBeNull();
  });
});
