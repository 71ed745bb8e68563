import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { deckToCsv } from '../../../../src/domain/transfer/csv/writeCsv';
import { makeDeck } from '../../../helpers/builders';

/** The data rows of an exported CSV (after its six Anki header lines), parsed. */
function cells(csv: string): string[][] {
  return Papa.parse<string[]>(csv.split('\n').slice(6).join('\n'), {
    newline: '\n',
    delimiter: ',',
  }).data.filter((r) => r.length > 1);
}

const deckWith = (front: string, back: string) =>
  makeDeck({ cards: [{ id: 'a.one', section: 'alpha', kind: 'basic', front, back }] });

describe('deckToCsv: spreadsheet formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('writes %j as inert text', (front, written) => {
    const [row] = cells(deckToCsv(deckWith(front, 'plain')));
    expect(row?.[1]).toBe(written);
    expect(row?.[2]).toBe('plain');
  });

  it('leaves every other cell exactly as it is', () => {
    const [row] = cells(deckToCsv(deckWith('What is 1 = 1?', 'a - b')));
    expect(row?.slice(0, 3)).toEqual(['a.one', 'What is 1 = 1?', 'a - b']);
  });

  it('no written cell ever starts with a formula character', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'a', ' ', '1', '"', ','),
          minLength: 1,
        }),
        (front) => {
          for (const row of cells(deckToCsv(deckWith(front, front))))
            for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
  });
});
