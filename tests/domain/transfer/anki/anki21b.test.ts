// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readMediaMap } from '../../../../src/domain/transfer/anki/ankiMedia';
import { type ApkgOptions, readApkg } from '../../../../src/domain/transfer/anki/readApkg';
import { idFromGuid } from '../../../../src/domain/transfer/ids';
import type { ImportRead } from '../../../../src/domain/transfer/parsedImport';
import { apkg21b, mediaList } from './anki21bBuilder';
import { DECK, type FixtureNote, loadSql, MODEL } from './ankiPackageBuilder';
import { zstdFrame } from './zstdFrame';

const opts: ApkgOptions = { deckId: 'networking', deckTitle: 'Networking', loadSql, includeHistory: true };
const N = 1_700_000_000_000;
const notes: FixtureNote[] = [
  { id: N + 1, guid: 'Ab1+x', mid: MODEL.basic, tags: 'net', fields: ['What is a VLAN?', 'A virtual LAN'] },
  {
    id: N + 2,
    guid: 'rev',
    mid: MODEL.reversed,
    fields: ['802.1Q', 'VLAN tagging standard'],
    cards: [
      { id: 21, ord: 0, did: DECK.vlans, data: '{"s":12.5,"d":4.25,"dr":0.9,"decay":0.1542}' },
      { id: 22, ord: 1, did: DECK.vlans },
    ],
  },
  {
    id: N + 3,
    guid: 'cz',
    mid: MODEL.cloze,
    fields: ['VXLAN uses {{c1::UDP}} port {{c2::4789}}.', ''],
    cards: [
      { id: 31, ord: 0 },
      { id: 32, ord: 1 },
    ],
  },
];

function okRead(result: ImportRead) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}

describe('readApkg: collection.anki21b (Anki 23.10+, zstd, schema 18)', () => {
  it('reads note types, fields, templates and decks from their own tables, never the stub collection.anki2', async () => {
    const read = okRead(await readApkg('net.apkg', await apkg21b({ notes }), opts));
    expect(read.deck.cards).toEqual([
      {
        id: idFromGuid('Ab1+x'),
        section: 'networking',
        tags: ['net'],
        kind: 'basic',
        front: 'What is a VLAN?',
        back: 'A virtual LAN',
      },
      {
        id: idFromGuid('rev'),
        section: 'vlans',
        kind: 'basic',
        front: '802.1Q',
        back: 'VLAN tagging standard',
        reversed: true,
      },
      {
        id: idFromGuid('cz'),
        section: 'networking',
        kind: 'cloze',
        text: 'VXLAN uses {{c1::UDP}} port {{c2::4789}}.',
      },
    ]);
    // Deck names use U+001F between levels in schema 18; the package's own deck is the deck, subdecks sections.
    expect(read.deck.sections).toEqual([
      { id: 'networking', title: 'Networking' },
      { id: 'vlans', title: 'VLANs' },
    ]);
    expect(JSON.stringify(read.deck)).not.toContain('Please update');
  });

  it("names the deck after the package's own top-level deck, not the file", async () => {
    const read = okRead(
      await readApkg('vocab-2026.apkg', await apkg21b({ notes }), {
        ...opts,
        deckId: 'vocab-2026',
        deckTitle: 'vocab-2026',
      }),
    );
    expect([read.deck.id, read.deck.title]).toEqual(['networking', 'Networking']);
    const inDefault = notes.map((n) => ({ ...n, cards: [{ id: n.id, ord: 0, did: DECK.default }] }));
    const fallback = okRead(
      await readApkg('vocab-2026.apkg', await apkg21b({ notes: inDefault }), {
        ...opts,
        deckId: 'vocab-2026',
        deckTitle: 'vocab-2026',
      }),
    );
    expect([fallback.deck.id, fallback.deck.title]).toEqual(['vocab-2026', 'vocab-2026']);
  });

  it('keeps the FSRS memory state from cards.data on the last review of its item', async () => {
    const revlog = [
      { id: N + 100, cid: 21, ease: 3, type: 0 },
      { id: N + 200, cid: 21, ease: 3, type: 1 },
      { id: N + 300, cid: 22, ease: 1, type: 0 },
    ];
    const read = okRead(await readApkg('net.apkg', await apkg21b({ notes, revlog }), opts));
    const id = idFromGuid('rev');
    expect(read.history).toEqual([
      { cardId: id, ordinal: 1, rating: 3, review: N + 100, durationMs: 5000 },
      {
        cardId: id,
        ordinal: 1,
        rating: 3,
        review: N + 200,
        durationMs: 5000,
        memory: { stability: 12.5, difficulty: 4.25 },
      },
      { cardId: id, ordinal: 2, rating: 1, review: N + 300, durationMs: 5000 },
    ]);
  });

  it('says which entry is damaged when the zstd data is cut off', async () => {
    const { unzipSync } = await import('fflate');
    const { zipPackage } = await import('./ankiPackageBuilder');
    const files = unzipSync(await apkg21b({ notes }));
    const collection = files['collection.anki21b'] ?? new Uint8Array();
    files['collection.anki21b'] = collection.subarray(0, collection.length - 100);
    const read = await readApkg('net.apkg', zipPackage(files), opts);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems).toEqual([
      { where: 'net.apkg', reason: '"collection.anki21b" is damaged (its zstd data is invalid or cut off)' },
    ]);
  });
});

describe('readMediaMap', () => {
  it('reads the protobuf media list of new packages (zstd) and the JSON of legacy ones', () => {
    const map = readMediaMap(zstdFrame(mediaList(['cat.jpg', 'meow.mp3'])));
    expect(map).toEqual({
      ok: true,
      value: new Map([
        ['cat.jpg', '0'],
        ['meow.mp3', '1'],
      ]),
    });
    const legacy = readMediaMap(new TextEncoder().encode('{"0":"cat.jpg","1":"meow.mp3"}'));
    expect(legacy).toEqual(map);
    expect(readMediaMap(new TextEncoder().encode('[1'))).toEqual({
      ok: false,
      reason: 'has a damaged media list (not valid JSON)',
    });
  });
});
