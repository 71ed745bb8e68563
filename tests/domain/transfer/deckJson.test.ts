import { describe, expect, it } from 'vitest';
import { readDeckJson } from '../../../src/domain/transfer/deckJson';
import { makeDeck } from '../../helpers/builders';

describe('readDeckJson', () => {
  it('reads a valid deck file', () => {
    expect(readDeckJson('d.json', JSON.stringify(makeDeck()))).toEqual({
      ok: true,
      fileName: 'd.json',
      deck: makeDeck(),
      skipped: [],
      warnings: [],
      history: [],
    });
  });

  it.each([
    ['{"format":', 'd.json line 1, column 11', /is not valid JSON: the text ends too early/],
    ['[]', 'd.json', /^deck: expected object/],
    [JSON.stringify({ ...makeDeck(), formatVersion: 3 }), 'd.json', /field "formatVersion": must be 1 or 2/],
    [
      JSON.stringify({ ...makeDeck(), cards: [...makeDeck().cards, makeDeck().cards[0]] }),
      'd.json',
      /card "a\.one" \(cards\[5\]\) field "id": duplicate card id \(also cards\[0\]\)/,
    ],
  ])('refuses %s, naming where', (text, where, reason) => {
    const read = readDeckJson('d.json', text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problems[0]?.where).toBe(where);
      expect(read.problems[0]?.reason).toMatch(reason);
    }
  });
});
