// @vitest-environment node
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDeck } from '../../../../src/domain/deck/validate';
import { type ApkgOptions, readApkg } from '../../../../src/domain/transfer/anki/readApkg';
import type { ImportRead } from '../../../../src/domain/transfer/parsedImport';
import { apkg, buildCollection, DECK, loadSql, MODEL, zipPackage } from './ankiPackageBuilder';

const opts: ApkgOptions = { deckId: 'fuzz', deckTitle: 'Fuzz', loadSql, includeHistory: true };

/** Whatever the input, the reader answers: a valid deck, or a refusal with a message naming the file. */
function expectAnswered(result: ImportRead) {
  if (result.ok) {
    expect(validateDeck(result.deck).ok).toBe(true);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.where.startsWith('fuzz.apkg')).toBe(true);
    expect(problem.reason.length).toBeGreaterThan(0);
  }
}

const notes = [
  { id: 1, guid: 'Ab', mid: MODEL.basic, tags: 'x y::z', fields: ['q <b>1</b>', 'a 1'] },
  { id: 2, guid: 'aB', mid: MODEL.reversed, fields: ['q 2', 'a 2'] },
  { id: 3, guid: 'c3', mid: MODEL.cloze, fields: ['{{c1::x}} {{c3::y}}', 'extra'] },
  {
    id: 4,
    guid: 'v4',
    mid: MODEL.vocab,
    fields: ['w', 'm', 'e'],
    cards: [{ id: 41, ord: 0, did: DECK.vlans }],
  },
];
const revlog = [
  { id: 100, cid: 10, ease: 3, type: 1 },
  { id: 200, cid: 21, ease: 1, type: 0 },
  { id: 300, cid: 30, ease: 4, type: 2 },
];

/** Sets bytes at random places, and sometimes cuts the file short. */
const mutation = fc.record({
  edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
});

function mutate(bytes: Uint8Array, { edits, cut }: { edits: [number, number][]; cut: number | undefined }) {
  const out = bytes.slice(0, cut === undefined ? bytes.length : cut % (bytes.length + 1));
  for (const [at, value] of edits) if (out.length > 0) out[at % out.length] = value;
  return out;
}

describe('readApkg never throws', () => {
  let deflated: Uint8Array;
  let stored: Uint8Array;
  beforeAll(async () => {
    deflated = await apkg({ notes, revlog });
    stored = zipPackage({ 'collection.anki21': await buildCollection({ notes, revlog }), media: '{}' }, 0);
  });

  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        expectAnswered(await readApkg('fuzz.apkg', bytes, opts));
      }),
      { numRuns: 300 },
    );
  });

  it('on a zip signature followed by noise', async () => {
    const eocd = [0x50, 0x4b, 0x05, 0x06];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 40 }), async (a, b) => {
        expectAnswered(await readApkg('fuzz.apkg', new Uint8Array([...a, ...eocd, ...b]), opts));
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated valid packages (deflated and stored)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), mutation, async (isStored, m) => {
        expectAnswered(await readApkg('fuzz.apkg', mutate(isStored ? stored : deflated, m), opts));
      }),
      { numRuns: 300 },
    );
  });

  it('on notes with arbitrary field text, tags and guids', async () => {
    const field = fc.string({ unit: 'grapheme', maxLength: 60 });
    const arbitraryNote = fc.record({
      guid: fc.string({ maxLength: 60 }),
      mid: fc.constantFrom(MODEL.basic, MODEL.reversed, MODEL.cloze, MODEL.vocab),
      tags: fc.string({ maxLength: 30 }),
      fields: fc.array(field, { minLength: 0, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryNote, { maxLength: 6 }), async (drawn) => {
        const bytes = await apkg({ notes: drawn.map((n, i) => ({ ...n, id: i + 1 })) });
        expectAnswered(await readApkg('fuzz.apkg', bytes, opts));
      }),
      { numRuns: 100 },
    );
  });
});

describe('hostile note content comes out as inert plain text', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">link</a>',
    '<div onclick="alert(4)">',
    '</div>',
    '<br>',
    '<style>body{background:url("javascript:alert(5)")}</style>',
    '<iframe src="javascript:alert(6)"></iframe>',
    '<svg onload=alert(7)>',
    '<!-- <script>alert(8)</script> -->',
    'word',
    ' ',
  ];
  const hostileField = fc
    .array(fc.constantFrom(...hostile), { maxLength: 12 })
    .map((parts) => `word ${parts.join('')}`);

  it('keeps the words and none of the markup, scripts or handlers', async () => {
    await fc.assert(
      fc.asyncProperty(hostileField, hostileField, async (front, back) => {
        const bytes = await apkg({ notes: [{ id: 1, guid: 'h', mid: MODEL.basic, fields: [front, back] }] });
        const result = await readApkg('fuzz.apkg', bytes, opts);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const card = result.deck.cards[0];
        if (card?.kind !== 'basic') throw new Error('expected a basic card');
        for (const text of [card.front, card.back]) {
          expect(text).toMatch(/^word/);
          expect(text).not.toMatch(/[<>]|alert|javascript:|onerror|onload|onclick/);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a known hostile note, whole', async () => {
    const bytes = await apkg({
      notes: [
        {
          id: 1,
          guid: 'h',
          mid: MODEL.basic,
          fields: [
            'Click <a href="javascript:alert(1)" onmouseover="alert(2)">here</a><script>steal()</script>',
            '<img src=x onerror=alert(3)>Safe &lt;b&gt; text',
          ],
        },
      ],
    });
    const result = await readApkg('fuzz.apkg', bytes, opts);
    expect(result.ok && result.deck.cards[0]).toMatchObject({
      front: 'Click here',
      // An escaped tag is text the author wrote; it stays text and is never rendered as HTML.
      back: 'Safe <b> text',
    });
    expect(result.ok && result.warnings).toEqual([
      '1 media file was left out (not an image or sound Cardinal shows, over 20 MB, or damaged): x',
    ]);
  });
});
