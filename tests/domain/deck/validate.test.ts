import { describe, expect, it } from 'vitest';
import { formatIssue, validateDeck } from '../../../src/domain/deck/validate';
import { makeDeck } from '../../helpers/builders';

/** Messages for a deck with one change applied to a valid deck's JSON. */
function problems(
  mutate: (deck: Record<string, unknown> & { cards: Array<Record<string, unknown>> }) => void,
) {
  const deck = structuredClone(makeDeck()) as unknown as Record<string, unknown> & {
    cards: Array<Record<string, unknown>>;
  };
  mutate(deck);
  const result = validateDeck(deck);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('validateDeck', () => {
  it('accepts a valid deck with every card kind', () => {
    const result = validateDeck(makeDeck());
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'an empty front',
      (d: Parameters<Parameters<typeof problems>[0]>[0]) => {
        d.cards[0] = { ...d.cards[0], front: '  ' };
      },
      'card "a.one" (cards[0]) field "front": must be a non-empty string',
    ],
    [
      'a missing back',
      (d) => {
        delete d.cards[0]?.back;
      },
      'card "a.one" (cards[0]) field "back": expected string',
    ],
    [
      'an unknown kind',
      (d) => {
        d.cards[0] = { ...d.cards[0], kind: 'essay' };
      },
      'card "a.one" (cards[0]) field "kind": field "kind" must be one of basic, cloze, mcq, truefalse',
    ],
    [
      'a duplicated card id',
      (d) => {
        d.cards[1] = { ...d.cards[1], id: 'a.one' };
      },
      'card "a.one" (cards[1]) field "id": duplicate card id (also cards[0])',
    ],
    [
      'an unknown section',
      (d) => {
        d.cards[0] = { ...d.cards[0], section: 'gamma' };
      },
      'card "a.one" (cards[0]) field "section": unknown section "gamma"',
    ],
    [
      'an mcq answer out of range',
      (d) => {
        d.cards[3] = { ...d.cards[3], correct: [3] };
      },
      'card "b.mcq" (cards[3]) field "correct": index 3 is out of range (0-2)',
    ],
    [
      'duplicate mcq options',
      (d) => {
        d.cards[3] = { ...d.cards[3], options: ['SAN', 'NAS', 'san'] };
      },
      'card "b.mcq" (cards[3]) field "options[2]": duplicates another option ("san")',
    ],
    [
      'an mcq with no correct option',
      (d) => {
        d.cards[3] = { ...d.cards[3], correct: [] };
      },
      'card "b.mcq" (cards[3]) field "correct": needs at least one correct option',
    ],
    [
      'a cloze with a gap in its numbers',
      (d) => {
        d.cards[2] = { ...d.cards[2], text: '{{c1::VXLAN}} uses port {{c3::4789}}' };
      },
      'card "a.cloze" (cards[2]) field "text": deletions must be numbered c1, c2, ... without gaps (c2 is missing)',
    ],
    [
      'a cloze without deletions',
      (d) => {
        d.cards[2] = { ...d.cards[2], text: 'VXLAN uses port 4789' };
      },
      'card "a.cloze" (cards[2]) field "text": has no deletion like {{c1::answer}}',
    ],
    [
      'a truefalse answer that is not a boolean',
      (d) => {
        d.cards[4] = { ...d.cards[4], answer: 'yes' };
      },
      'card "b.tf" (cards[4]) field "answer": expected boolean',
    ],
    [
      'an id with capitals and spaces',
      (d) => {
        d.cards[0] = { ...d.cards[0], id: 'Bad Id' };
      },
      'card "Bad Id" (cards[0]) field "id": must be lowercase letters, digits, "." or "-", starting with a letter or digit',
    ],
    [
      'an unknown field on a card',
      (d) => {
        d.cards[0] = { ...d.cards[0], frnt: 'typo' };
      },
      'card "a.one" (cards[0]): has unknown field(s) "frnt"',
    ],
    [
      'a wrong format version',
      (d) => {
        d.formatVersion = 99;
      },
      'field "formatVersion": must be 1 or 2',
    ],
    [
      'a duplicated section id',
      (d) => {
        d.sections = [
          { id: 'alpha', title: 'Alpha' },
          {
            id: 'beta',
            title: 'Beta',
            children: [
              { id: 'alpha-one', title: 'Alpha one' },
              { id: 'alpha', title: 'Again' },
            ],
          },
        ];
      },
      'field "sections[1].children[1].id": duplicate section id "alpha"',
    ],
  ] satisfies Array<[string, Parameters<typeof problems>[0], string]>)(
    'rejects %s, naming the card and field',
    (_, mutate, message) => {
      expect(problems(mutate)).toEqual([message]);
    },
  );

  it('rejects input that is not a deck at all', () => {
    expect(validateDeck(null)).toMatchObject({ ok: false });
    expect(validateDeck([])).toMatchObject({ ok: false });
    const result = validateDeck({ format: 'anki' });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toContain(
      'field "format": must be "cardinal-deck"',
    );
  });
});
