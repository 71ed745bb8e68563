import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../src/domain/transfer/base64';

describe('base64', () => {
  it('writes what Node writes, and reads it back to the same bytes (any bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(base64ToBytes(text) ?? [])).toEqual(Array.from(bytes));
      }),
    );
  });

  it('encodes bytes longer than one String.fromCharCode chunk', () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 3 + 7 }, (_, i) => (i * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Array.from(base64ToBytes(text) ?? [])).toEqual(Array.from(bytes));
  });

  it.each([
    ['a wrong character', 'AB-D'],
    ['a space', 'AB D'],
    ['a length not a multiple of 4', 'ABCDE'],
    ['padding in the middle', 'AB==ABCD'],
    ['padding followed by data', 'ABC=A==='],
    ['three padding characters', 'A==='],
  ])('refuses text with %s', (_name, text) => {
    expect(base64ToBytes(text)).toBeUndefined();
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const bytes = base64ToBytes(text);
        if (bytes) expect(bytesToBase64(bytes).length).toBe(text.length);
      }),
    );
  });
});
