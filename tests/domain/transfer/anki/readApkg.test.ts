// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ApkgOptions } from '../../../../src/domain/transfer/anki/readApkg';
import { readApkg } from '../../../../src/domain/transfer/anki/readApkg';
import { idFromGuid } from '../../../../src/domain/transfer/ids';
import type { ImportRead } from '../../../../src/domain/transfer/parsedImport';
import { apkg, type CollectionSpec, DECK, type FixtureNote, loadSql, MODEL } from './ankiPackageBuilder';

const opts: ApkgOptions = { deckId: 'networking', deckTitle: 'Networking', loadSql, includeHistory: true };

const N = 1_700_000_000_000;
const notes: FixtureNote[] = [
  {
    id: N + 1,
    guid: 'Ab1+x',
    mid: MODEL.basic,
    tags: 'net Ch.2',
    fields: ['What is a VLAN?', 'A virtual LAN'],
  },
  {
    id: N + 2,
    guid: 'aB1+x',
    mid: MODEL.reversed,
    fields: ['<b>802.1Q</b>', 'VLAN&nbsp;tagging standard'],
    cards: [
      { id: 21, ord: 0, did: DECK.vlans },
      { id: 22, ord: 1, did: DECK.vlans },
    ],
  },
  {
    id: N + 3,
    guid: 'c/3',
    mid: MODEL.cloze,
    tags: 'Protocols::UDP',
    fields: ['VXLAN uses {{c1::UDP}} port {{c2::4789::a number}}.', ''],
    cards: [
      { id: 31, ord: 0 },
      { id: 32, ord: 1 },
    ],
  },
  {
    id: N + 4,
    guid: 'v~4',
    mid: MODEL.vocab,
    fields: ['trunk', 'a link carrying many VLANs', 'The switch uplink is a trunk.'],
    cards: [
      { id: 41, ord: 0 },
      { id: 42, ord: 1 },
    ],
  },
];

async function read(spec: CollectionSpec, options: Partial<ApkgOptions> = {}, name = 'collection.anki21') {
  return readApkg('networking.apkg', await apkg(spec, name), { ...opts, ...options });
}

function okRead(result: ImportRead) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}

describe('readApkg: note types', () => {
  it.each(['collection.anki21', 'collection.anki2'])('reads every note type from %s', async (name) => {
    const result = okRead(await read({ notes }, {}, name));
    expect(result.deck.cards).toEqual([
      {
        id: idFromGuid('Ab1+x'),
        section: 'networking',
        tags: ['net', 'ch-2'],
        kind: 'basic',
        front: 'What is a VLAN?',
        back: 'A virtual LAN',
      },
      {
        id: idFromGuid('aB1+x'),
        section: 'vlans',
        kind: 'basic',
        front: '802.1Q',
        back: 'VLAN tagging standard',
        frontHtml: '<b>802.1Q</b>',
        reversed: true,
      },
      {
        id: idFromGuid('c/3'),
        section: 'networking',
        tags: ['protocols:udp'],
        kind: 'cloze',
        text: 'VXLAN uses {{c1::UDP}} port {{c2::4789::a number}}.',
      },
      {
        id: idFromGuid('v~4'),
        section: 'networking',
        kind: 'basic',
        front: 'trunk',
        back: 'a link carrying many VLANs',
      },
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.warnings).toEqual(['1 note has fields Cardinal has no place for, left out: "Example"']);
  });

  it('names the deck after the package deck; its subdecks become the sections', async () => {
    const { deck } = okRead(await read({ notes }));
    expect(deck).toMatchObject({ id: 'networking', title: 'Networking', version: 1 });
    expect(deck.sections).toEqual([
      { id: 'networking', title: 'Networking' },
      { id: 'vlans', title: 'VLANs' },
    ]);
  });

  it('gives Anki decks whose names look alike distinct section ids', async () => {
    const decks = {
      1: { id: 1, name: 'A b' },
      2: { id: 2, name: 'a-b' },
      3: { id: 3, name: '日本語::Ünïcode' },
    };
    const { deck } = okRead(
      await read({
        decks,
        notes: [1, 2, 3].map((did) => ({
          id: did,
          guid: `g${did}`,
          mid: MODEL.basic,
          fields: [`q${did}`, `a${did}`],
          cards: [{ id: did * 10, ord: 0, did }],
        })),
      }),
    );
    const ids = deck.cards.map((c) => c.section);
    expect(new Set(ids).size).toBe(3);
    expect(deck.sections.map((s) => s.title)).toEqual(['A b', 'a-b', '日本語']);
    expect(deck.sections[2]?.children?.map((s) => s.title)).toEqual(['Ünïcode']);
  });

  it('puts a card from a filtered deck in its home deck', async () => {
    const { deck } = okRead(
      await read({
        notes: [
          { ...notes[0], cards: [{ id: 11, ord: 0, did: DECK.filtered, odid: DECK.vlans }] } as FixtureNote,
        ],
      }),
    );
    expect(deck.cards.map((c) => c.section)).toEqual(['vlans']);
  });

  it('gives the same card ids on a second read and keeps case-different guids apart', async () => {
    const first = okRead(await read({ notes }));
    const second = okRead(await read({ notes: [...notes].reverse() }));
    expect(second.deck.cards.map((c) => c.id).sort()).toEqual(first.deck.cards.map((c) => c.id).sort());
    expect(new Set(first.deck.cards.map((c) => c.id)).size).toBe(4);
  });
});

describe('readApkg: content', () => {
  it('keeps a text form of every field, and the HTML of fields with markup', async () => {
    const { deck, warnings } = okRead(
      await read({
        notes: [
          {
            id: N + 1,
            guid: 'g1',
            mid: MODEL.basic,
            fields: [
              'Name this port<br><img src="port.png">[sound:say.mp3]',
              '<div>Trunk</div><div>port</div>',
            ],
          },
          { id: N + 2, guid: 'g2', mid: MODEL.basic, fields: ['<img src="a.png"> Q', 'A <img src="b.png">'] },
        ],
      }),
    );
    expect(
      deck.cards.map((c) => (c.kind === 'basic' ? [c.front, c.back, c.frontHtml, c.backHtml] : [])),
    ).toEqual([
      [
        'Name this port',
        'Trunk\nport',
        'Name this port<br><img src="port.png"><audio controls src="say.mp3"></audio>',
        undefined,
      ],
      ['Q', 'A', '<img src="a.png"> Q', 'A <img src="b.png">'],
    ]);
    expect(warnings).toEqual([
      '4 media files are used by cards but not in the package: port.png, say.mp3, a.png, b.png',
    ]);
  });

  it('skips notes with an empty side, an over-long field or a duplicate guid, naming note and field', async () => {
    const result = okRead(
      await read({
        notes: [
          notes[0] as FixtureNote,
          { id: N + 5, guid: 'e', mid: MODEL.basic, fields: ['<div> </div><br>', 'back'] },
          { id: N + 6, guid: 'l', mid: MODEL.basic, fields: ['front', 'x'.repeat(2001)] },
          { id: N + 7, guid: 'Ab1+x', mid: MODEL.basic, fields: ['again', 'dup'] },
          { id: N + 8, guid: 'm', mid: 999, fields: ['a', 'b'] },
          { id: N + 9, guid: 'z', mid: MODEL.cloze, fields: ['no deletion here', ''] },
        ],
      }),
    );
    expect(result.deck.cards.map((c) => c.id)).toEqual([idFromGuid('Ab1+x')]);
    expect(result.skipped).toEqual([
      {
        where: `networking.apkg note ${N + 5}`,
        reason: 'field "Front" is empty (note type "Basic")',
      },
      {
        where: `networking.apkg note ${N + 6}`,
        reason: 'field "Back" is longer than 2000 characters (2001) (note type "Basic")',
      },
      {
        where: `networking.apkg note ${N + 7}`,
        reason: `has the same guid as note ${N + 1} (duplicate id "Ab1+x")`,
      },
      {
        where: `networking.apkg note ${N + 8}`,
        reason: 'uses note type 999, which the package does not define',
      },
      {
        where: `networking.apkg note ${N + 9}`,
        reason: 'field "Text" has no deletion like {{c1::answer}} (note type "Cloze")',
      },
    ]);
  });

  it('renumbers cloze deletions with gaps and maps their review history to the new numbers', async () => {
    const result = okRead(
      await read({
        notes: [
          {
            id: N + 1,
            guid: 'gap',
            mid: MODEL.cloze,
            fields: ['{{c2::A}} and {{c5::B}} and {{c2::C}}', 'extra'],
            cards: [
              { id: 11, ord: 1 },
              { id: 14, ord: 4 },
            ],
          },
        ],
        revlog: [
          { id: N + 100, cid: 14, ease: 3, type: 0 },
          { id: N + 200, cid: 11, ease: 1, type: 0 },
        ],
      }),
    );
    expect(result.deck.cards).toMatchObject([
      { kind: 'cloze', text: '{{c1::A}} and {{c2::B}} and {{c1::C}}' },
    ]);
    expect(result.history.map((h) => h.ordinal)).toEqual([2, 1]);
    expect(result.warnings).toEqual([
      '1 cloze note renumbered to c1, c2, … without gaps (Cardinal needs that)',
      '1 note has fields Cardinal has no place for, left out: "Back Extra"',
    ]);
  });

  it('maps Anki tags to Cardinal tags and lists the ones it cannot map', async () => {
    const { deck, warnings } = okRead(
      await read({
        notes: [
          {
            id: N + 1,
            guid: 't',
            mid: MODEL.basic,
            tags: ' Deck::Sub_Topic  leech 日本語 LEECH ',
            fields: ['q', 'a'],
          },
        ],
      }),
    );
    expect(deck.cards[0]?.tags).toEqual(['deck:sub-topic', 'leech']);
    expect(warnings).toEqual([
      '1 tag could not be made into Cardinal tags (lowercase a-z, 0-9, ":" and "-") and was left out: "日本語"',
    ]);
  });
});

describe('readApkg: review history', () => {
  const revlog = [
    { id: N + 5000, cid: 21, ease: 3, type: 0, time: 4200 },
    { id: N + 1000, cid: (N + 1) * 10, ease: 1, type: 0, time: 8000 },
    { id: N + 2000, cid: 22, ease: 4, type: 1, time: 3000 },
    { id: N + 3000, cid: 31, ease: 2, type: 2, time: 1000 },
    { id: N + 4000, cid: 32, ease: 3, type: 3, time: 1000 },
    { id: N + 6000, cid: 21, ease: 0, type: 4, time: 0 },
    { id: N + 7000, cid: 21, ease: 3, type: 5, time: 0 },
    { id: N + 8000, cid: 21, ease: 0, type: 1, time: 0 },
    { id: N + 9000, cid: 42, ease: 3, type: 1, time: 0 },
    { id: N + 9500, cid: 777, ease: 3, type: 1, time: 0 },
  ];

  it('maps answers to ratings and Anki cards to review items, oldest first', async () => {
    const result = okRead(await read({ notes, revlog }));
    expect(result.history).toEqual([
      { cardId: idFromGuid('Ab1+x'), ordinal: 1, rating: 1, review: N + 1000, durationMs: 8000 },
      { cardId: idFromGuid('aB1+x'), ordinal: 2, rating: 4, review: N + 2000, durationMs: 3000 },
      { cardId: idFromGuid('c/3'), ordinal: 1, rating: 2, review: N + 3000, durationMs: 1000 },
      { cardId: idFromGuid('c/3'), ordinal: 2, rating: 3, review: N + 4000, durationMs: 1000 },
      { cardId: idFromGuid('aB1+x'), ordinal: 1, rating: 3, review: N + 5000, durationMs: 4200 },
    ]);
    expect(result.warnings.slice(1)).toEqual([
      '3 review-log entries left out: manual rescheduling or no answer button',
      '1 review left out: their notes were not imported',
      '1 review left out: Cardinal has no review item for their Anki card (another template, or a deleted cloze number)',
    ]);
  });

  it('reads no history when not asked to', async () => {
    const result = okRead(await read({ notes, revlog }, { includeHistory: false }));
    expect(result.history).toEqual([]);
    expect(result.warnings).toHaveLength(1);
  });
});
