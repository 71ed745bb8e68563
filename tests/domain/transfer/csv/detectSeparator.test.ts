import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSeparator } from '../../../../src/domain/transfer/csv/detectSeparator';
import { readCsv } from '../../../../src/domain/transfer/csv/readCsv';

/** Words without any separator character in them. */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[A-Za-z]$/);

describe('detectSeparator', () => {
  it.each([
    ['Tab', 'term\tdefinition, with a comma\nother\tmore, commas, here\n', '\t'],
    ['comma', 'a,b\nc,d\n', ','],
    ['semicolon', 'a;b\nc;d\n', ';'],
    ['pipe', 'a|b, c\nd|e\n', '|'],
    ['five slashes', 'hypervisor/////software that runs VMs\ncontainer/////an isolated process\n', '/////'],
    ['" - "', 'hypervisor - software that runs VMs\ncontainer - isolated, shares the kernel\n', ' - '],
  ])('finds %s', (_name, text, delimiter) => {
    expect(detectSeparator(text)?.delimiter).toBe(delimiter);
  });

  it('finds the separator that joins generated rows, whichever it is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('\t', ',', ';', '|', '/////', ' :: ', '###'),
        fc.array(fc.tuple(word, word), { minLength: 2, maxLength: 40 }),
        (separator, rows) => {
          const text = rows.map(([a, b]) => `${a}${separator}${b}`).join('\n');
          const guess = detectSeparator(text);
          expect(guess?.delimiter).toBe(separator);
          expect(guess?.fields).toBe(2);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const guess = detectSeparator(text);
        if (guess) expect(guess.fields).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe('a file whose separator is wrong', () => {
  it('says first that most rows would be skipped, names the separator that works, and asks to confirm', () => {
    const text =
      'hypervisor\tsoftware that runs VMs\ncontainer\tan isolated process\nsnapshot\tsaved, VM, state\n';
    const read = readCsv('q.txt', text, { delimiter: ',', mapping: ['front', 'back'] });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const advice =
      'Most rows would be skipped (2 of 3) with the separator comma. With Tab as the separator, 3 rows import: choose it under Field separator.';
    expect(read.warnings[0]).toBe(advice);
    expect(read.confirm).toBe(advice);
    const right = readCsv('q.txt', text);
    expect(right.ok && [right.deck.cards.length, right.confirm]).toEqual([3, undefined]);
  });
});
