import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/domain/transfer/jsonText';

describe('parseJson', () => {
  it.each([
    ['{"a": }', 'line 1, column 7'],
    ['{\n  "a": 1,\n  "b": tru\n}', 'line 3, column 8'],
    ['[1, 2', 'line 1, column 6'],
    ['{"a": 1} x', 'line 1, column 10'],
    ['', 'line 1, column 1'],
    ['{"a": "\u0001"}', 'line 1, column 8'],
  ])('locates the error in %j at %s', (text, where) => {
    expect(parseJson(text)).toMatchObject({ ok: false, where });
  });

  it('agrees with JSON.parse on every input and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(parseJson(text).ok).toBe(valid);
        },
      ),
    );
  });
});
