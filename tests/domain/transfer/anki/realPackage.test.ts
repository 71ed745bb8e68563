// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApkg } from '../../../../src/domain/transfer/anki/readApkg';
import { idFromGuid } from '../../../../src/domain/transfer/ids';
import { loadSql } from './ankiPackageBuilder';

/** A package made by Anki itself (see tests/fixtures/anki/SOURCE.md). */
const bytes = readFileSync(join(import.meta.dirname, '../../../fixtures/anki/mixed-notetypes.anki21.apkg'));

describe('readApkg on a real Anki package', () => {
  it('imports every text note type and skips the Image Occlusion note with its reason', async () => {
    const result = await readApkg('mixed.apkg', bytes, {
      deckId: 'mixed',
      deckTitle: 'Mixed',
      loadSql,
      includeHistory: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.deck.sections).toEqual([{ id: 'test-mixed-types', title: 'Test - Mixed Types' }]);
    // Each card's "added" date is its Anki note's id: the note's creation time in ms.
    const added = Object.values(result.addedAt ?? {});
    expect(Object.keys(result.addedAt ?? {}).sort()).toEqual(result.deck.cards.map((c) => c.id).sort());
    expect(new Set(added).size).toBe(added.length);
    for (const ms of added) expect(ms > Date.UTC(2020, 0, 1) && ms < Date.now()).toBe(true);
    expect(result.deck.cards).toEqual([
      {
        id: idFromGuid('cYo+,.?%Nh'),
        section: 'test-mixed-types',
        kind: 'cloze',
        text: 'In a cloze, some {{c1::fields}} are {{c2::hidden}}.',
      },
      {
        id: idFromGuid('eQG652IV..'),
        section: 'test-mixed-types',
        kind: 'cloze',
        text: 'Clozes can have {{c1::hints::(something that helps)}} as well.',
      },
      {
        id: idFromGuid('n[.vJJO[sU'),
        section: 'test-mixed-types',
        kind: 'cloze',
        text: 'In one text, the first {{c1::cloze}} and any other {{c1::cloze}} can share a single reference.',
      },
      {
        id: idFromGuid('OM@n*is5-c'),
        section: 'test-mixed-types',
        kind: 'basic',
        front: 'This note is of type "Basic"',
        back: 'This is the "Back" field of type "Basic".',
      },
      {
        id: idFromGuid('AY~Y<|>p34'),
        section: 'test-mixed-types',
        kind: 'basic',
        front: 'This note is of type "Basic (and reversed card)".',
        back: 'This is the "Back" field of type "Basic (and reversed card)".',
        reversed: true,
      },
      {
        id: idFromGuid('j6q=an8F(W'),
        section: 'test-mixed-types',
        kind: 'basic',
        front: 'This note is of type "Basic (optional reversed card)".',
        back: 'This is the "Back" field of type "Basic (optional reversed card)".',
        reversed: true,
      },
      {
        id: idFromGuid('IaU)4A?1O*'),
        section: 'test-mixed-types',
        kind: 'basic',
        front: 'This note is of type "Basic (type in the answer)".',
        back: 'This is the "Back" side of type "Basic (type in the answer)".',
      },
    ]);
    expect(result.skipped).toEqual([
      {
        where: 'mixed.apkg note 1755521029414',
        reason:
          'is an Image Occlusion note (an image): Cardinal cards are text only (note type "Image Occlusion")',
      },
    ]);
    expect(result.warnings).toEqual([
      '3 notes have fields Cardinal has no place for, left out: "Back Extra"',
      '6 reviews left out: their notes were not imported',
    ]);
    // 26 answers in the log; the 6 on the Image Occlusion note have nowhere to go.
    expect(result.history).toHaveLength(20);
    expect(result.history[0]).toEqual({
      cardId: idFromGuid('cYo+,.?%Nh'),
      ordinal: 1,
      rating: 3,
      review: 1755502051870,
      durationMs: 6425,
    });
    expect(result.history.filter((h) => h.cardId === idFromGuid('AY~Y<|>p34')).map((h) => h.ordinal)).toEqual(
      [1, 2, 1, 2],
    );
  });
});

describe('readApkg on a real legacy package (collection.anki2 only)', () => {
  it('names the deck after its Anki deck and imports every note, reversed, with its chapter tags', async () => {
    const legacy = readFileSync(join(import.meta.dirname, '../../../fixtures/anki/ap-gov-vocab.anki2.apkg'));
    const result = await readApkg('ap_gov_vocab_anki11.apkg', legacy, {
      deckId: 'ap-gov-vocab-anki11',
      deckTitle: 'ap_gov_vocab_anki11',
      loadSql,
      includeHistory: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect([result.deck.id, result.deck.title]).toEqual(['gov-vocab', 'Gov Vocab']);
    expect(result.deck.cards).toHaveLength(242);
    expect(result.deck.cards.every((c) => c.kind === 'basic' && c.reversed === true)).toBe(true);
    expect(result.deck.cards.every((c) => c.tags?.some((t) => /^ch-\d+$/.test(t)))).toBe(true);
    expect(result.skipped).toEqual([]);
  });
});
