import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTag, slugId } from '../../../src/domain/transfer/ids';

describe('ids from other apps', () => {
  it('keeps the letters of accented words in tags and section ids', () => {
    expect(normalizeTag('Café')).toBe('cafe');
    expect(normalizeTag('Storage::Réseau')).toBe('storage:reseau');
    expect(slugId('Virtualisation réseau')).toBe('virtualisation-reseau');
  });

  it('always gives a valid tag or null, and a valid id', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const tag = normalizeTag(s);
        if (tag !== null) expect(tag).toMatch(/^[a-z0-9][a-z0-9:-]*$/);
        expect(slugId(s)).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
      }),
    );
  });
});
