/**
 * Fuzzing the JSON and CSV readers: random and mutated inputs never throw; each either reads or is refused with
 * problems that name the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/domain/transfer/csv/readCsv';
import { deckToCsv } from '../../../src/domain/transfer/csv/writeCsv';
import { readDeckJson } from '../../../src/domain/transfer/deckJson';
import type { ImportRead } from '../../../src/domain/transfer/parsedImport';
import { makeDeck } from '../../helpers/builders';

const deckText = JSON.stringify(makeDeck(), null, 2);
const csvText = deckToCsv(makeDeck());

/** One edit: replace a span of the text with random characters (often JSON/CSV syntax). */
const mutation = (text: string) =>
  fc
    .tuple(
      fc.nat(text.length),
      fc.nat(12),
      fc.string({
        unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\t', '\n', '#', 'a', '1', '\\', ' ', 'é'),
      }),
    )
    .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));

function expectWellFormed(read: ImportRead, fileName: string) {
  if (read.ok) {
    expect(read.fileName).toBe(fileName);
    expect(Array.isArray(read.deck.cards)).toBe(true);
  } else {
    expect(read.problems.length).toBeGreaterThan(0);
    for (const p of read.problems) expect(p.where.startsWith(fileName)).toBe(true);
  }
}

describe('reader fuzzing', () => {
  it('readDeckJson: random text never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) =>
        expectWellFormed(readDeckJson('f.json', text), 'f.json'),
      ),
    );
  });

  it('readDeckJson: mutated deck files never throw', () => {
    fc.assert(
      fc.property(fc.array(mutation(deckText), { minLength: 1, maxLength: 1 }), ([text]) =>
        expectWellFormed(readDeckJson('d.json', text ?? ''), 'd.json'),
      ),
      { numRuns: 300 },
    );
  });

  it("readDeckJson: random values in a deck's fields are refused by field, never thrown", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('id', 'title', 'sections', 'cards', 'version'),
        fc.jsonValue(),
        (field, value) => {
          const read = readDeckJson('v.json', JSON.stringify({ ...makeDeck(), [field]: value }));
          expectWellFormed(read, 'v.json');
        },
      ),
    );
  });

  it('readCsv: random text never throws', () => {
    fc.assert(fc.property(fc.string(), (text) => expectWellFormed(readCsv('f.csv', text), 'f.csv')));
  });

  it('readCsv: mutated exports and random grids never throw', () => {
    fc.assert(
      fc.property(mutation(csvText), (text) => expectWellFormed(readCsv('m.csv', text), 'm.csv')),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { maxLength: 6 }), { maxLength: 20 }),
        fc.constantFrom(',', '\t', ';', ' - '),
        fc.boolean(),
        (rows, delimiter, quotes) => {
          const text = rows.map((r) => r.join(delimiter)).join('\n');
          expectWellFormed(readCsv('g.csv', text, { delimiter, quotes }), 'g.csv');
        },
      ),
    );
  });
});
