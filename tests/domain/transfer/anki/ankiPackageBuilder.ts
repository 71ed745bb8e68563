/**
 * Builds Anki packages in tests: a schema-11 collection (the tables and columns Anki 2.1 writes) made with
 * sql.js, zipped with fflate. Note types: Basic, Basic (and reversed card), Cloze and a custom 3-field type.
 */
import { join } from 'node:path';
import { zipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

const dist = join(import.meta.dirname, '../../../../node_modules/sql.js/dist');
let pending: Promise<SqlJsStatic> | undefined;

/** sql.js for node: the wasm from node_modules (the page points it at the bundled file instead). */
export function loadSql(): Promise<SqlJsStatic> {
  pending ??= initSqlJs({ locateFile: (file: string) => join(dist, file) });
  return pending;
}

export const MODEL = { basic: 1001, reversed: 1002, cloze: 1003, vocab: 1004 } as const;
export const DECK = { default: 1, networking: 2001, vlans: 2002, filtered: 2003 } as const;

const tmpl = (name: string, ord: number, qfmt: string, afmt: string) => ({
  name,
  ord,
  qfmt,
  afmt,
  did: null,
  bqfmt: '',
  bafmt: '',
});
const fld = (name: string, ord: number) => ({
  name,
  ord,
  sticky: false,
  rtl: false,
  font: 'Arial',
  size: 20,
});

export const MODELS = {
  [MODEL.basic]: {
    id: MODEL.basic,
    name: 'Basic',
    type: 0,
    flds: [fld('Front', 0), fld('Back', 1)],
    tmpls: [tmpl('Card 1', 0, '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}')],
    sortf: 0,
    css: '.card {}',
  },
  [MODEL.reversed]: {
    id: MODEL.reversed,
    name: 'Basic (and reversed card)',
    type: 0,
    flds: [fld('Front', 0), fld('Back', 1)],
    tmpls: [
      tmpl('Card 1', 0, '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}'),
      tmpl('Card 2', 1, '{{Back}}', '{{FrontSide}}<hr id=answer>{{Front}}'),
    ],
    sortf: 0,
    css: '.card {}',
  },
  [MODEL.cloze]: {
    id: MODEL.cloze,
    name: 'Cloze',
    type: 1,
    flds: [fld('Text', 0), fld('Back Extra', 1)],
    tmpls: [tmpl('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}')],
    sortf: 0,
    css: '.card {}',
  },
  [MODEL.vocab]: {
    id: MODEL.vocab,
    name: 'Vocabulary',
    type: 0,
    flds: [fld('Word', 0), fld('Meaning', 1), fld('Example', 2)],
    tmpls: [
      tmpl('Recognise', 0, '{{Word}}', '{{Meaning}}<br>{{Example}}'),
      tmpl('Recall', 1, '{{Example}}', '{{Word}}'),
    ],
    sortf: 0,
    css: '.card {}',
  },
};

export const DECKS = {
  [DECK.default]: { id: DECK.default, name: 'Default', dyn: 0 },
  [DECK.networking]: { id: DECK.networking, name: 'Networking', dyn: 0 },
  [DECK.vlans]: { id: DECK.vlans, name: 'Networking::VLANs', dyn: 0 },
  [DECK.filtered]: { id: DECK.filtered, name: 'Filtered Deck 1', dyn: 1 },
};

export type FixtureCard = { id: number; ord: number; did?: number; odid?: number; data?: string };
export type FixtureNote = {
  id: number;
  guid: string;
  mid: number;
  tags?: string;
  fields: string[];
  /** Defaults to one card per ord Anki would generate (ord 0, plus ord 1 for the reversed type). */
  cards?: FixtureCard[];
};
export type FixtureReview = { id: number; cid: number; ease: number; type: number; time?: number };

export type CollectionSpec = {
  notes: FixtureNote[];
  revlog?: FixtureReview[];
  models?: unknown;
  decks?: unknown;
};

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_revlog_cid on revlog (cid);
`;

/** Card ids Anki would not reuse: note id * 10 + ord, unless the note lists its own cards. */
export function defaultCards(note: FixtureNote): FixtureCard[] {
  const ords = note.mid === MODEL.reversed ? [0, 1] : [0];
  return ords.map((ord) => ({ id: note.id * 10 + ord, ord, did: DECK.networking }));
}

/** A schema-11 collection, or with `schema18` Anki's newer layout (tables for note types and decks). */
export async function buildCollection(
  spec: CollectionSpec,
  schema18?: (db: import('sql.js').Database) => void,
): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database();
  try {
    db.run(SCHEMA);
    db.run(
      'INSERT INTO col VALUES (1, 1700000000, 1700000000000, 1700000000000, ?, 0, 0, 0, ?, ?, ?, ?, ?)',
      schema18
        ? [18, '{}', '', '', '', '']
        : [11, '{}', JSON.stringify(spec.models ?? MODELS), JSON.stringify(spec.decks ?? DECKS), '{}', '{}'],
    );
    schema18?.(db);
    for (const note of spec.notes) {
      db.run('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, ?)', [
        note.id,
        note.guid,
        note.mid,
        note.id,
        note.tags ?? '',
        note.fields.join('\u001f'),
        note.fields[0] ?? '',
        '',
      ]);
      for (const card of note.cards ?? defaultCards(note))
        db.run('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 2, 2, 100, 10, 2500, 3, 0, 0, 0, ?, 0, ?)', [
          card.id,
          note.id,
          card.did ?? DECK.networking,
          card.ord,
          note.id,
          card.odid ?? 0,
          card.data ?? '',
        ]);
    }
    for (const r of spec.revlog ?? [])
      db.run('INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, ?, ?)', [
        r.id,
        r.cid,
        r.ease,
        r.time ?? 5000,
        r.type,
      ]);
    return db.export();
  } finally {
    db.close();
  }
}

/** A zip of the given entries, deflated like Anki's legacy export. */
export function zipPackage(files: Record<string, Uint8Array | string>, level: 0 | 6 | 9 = 6): Uint8Array {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, data]) => [
      name,
      typeof data === 'string' ? new TextEncoder().encode(data) : data,
    ]),
  );
  return zipSync(entries, { level });
}

export async function apkg(spec: CollectionSpec, collectionName = 'collection.anki21'): Promise<Uint8Array> {
  return zipPackage({ [collectionName]: await buildCollection(spec), media: '{}' });
}
