/**
 * Builds Anki 23.10+ packages in tests: `collection.anki21b` = a schema-18 collection (note types, fields,
 * templates and decks in their own tables, configs as protobuf, names `COLLATE unicase` as Anki declares them),
 * zstd-framed; a protobuf `media` list and zstd media files; `meta` version 3; and the stub `collection.anki2`
 * Anki adds for old versions (with a note that must never be imported).
 */
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import type { Database } from 'sql.js';
import { buildCollection, type CollectionSpec, DECK, MODEL, zipPackage } from './ankiPackageBuilder';
import { zstdFrame } from './zstdFrame';

const SCHEMA18 = `
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, config blob NOT NULL,
  PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, mtime_secs integer NOT NULL,
  usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL, mtime_secs integer NOT NULL,
  usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL, mtime_secs integer NOT NULL,
  usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
`;

type Notetype = { id: number; name: string; cloze: boolean; fields: string[]; templates: [string, string][] };

export const NOTETYPES: Notetype[] = [
  {
    id: MODEL.basic,
    name: 'Basic',
    cloze: false,
    fields: ['Front', 'Back'],
    templates: [['{{Front}}', '{{Back}}']],
  },
  {
    id: MODEL.reversed,
    name: 'Basic (and reversed card)',
    cloze: false,
    fields: ['Front', 'Back'],
    templates: [
      ['{{Front}}', '{{Back}}'],
      ['{{Back}}', '{{Front}}'],
    ],
  },
  {
    id: MODEL.cloze,
    name: 'Cloze',
    cloze: true,
    fields: ['Text', 'Back Extra'],
    templates: [['{{cloze:Text}}', '']],
  },
];

export const DECKS18: Array<[number, string]> = [
  [DECK.default, 'Default'],
  [DECK.networking, 'Networking'],
  [DECK.vlans, 'Networking\u001fVLANs'],
];

const notetypeConfig = (cloze: boolean) =>
  new BinaryWriter()
    .tag(1, 0)
    .int32(cloze ? 1 : 0)
    .tag(3, 2)
    .string('.card {}')
    .finish();
const templateConfig = (q: string, a: string) =>
  new BinaryWriter().tag(1, 2).string(q).tag(2, 2).string(a).finish();

function addSchema18(db: Database) {
  db.run(SCHEMA18);
  for (const nt of NOTETYPES) {
    db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [nt.id, nt.name, notetypeConfig(nt.cloze)]);
    nt.fields.forEach((name, ord) => {
      db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [nt.id, ord, name, new Uint8Array([0x1a, 0])]);
    });
    nt.templates.forEach(([q, a], ord) => {
      db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [
        nt.id,
        ord,
        `Card ${ord + 1}`,
        templateConfig(q, a),
      ]);
    });
  }
  for (const [id, name] of DECKS18)
    db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [id, name, new Uint8Array(), new Uint8Array()]);
  // As Anki declares them; sql.js cannot create tables with a collation it lacks, so it is written in after.
  db.exec(
    "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'name text NOT NULL', 'name text NOT NULL COLLATE unicase') WHERE name IN ('fields', 'templates', 'notetypes', 'decks'); PRAGMA writable_schema=OFF;",
  );
}

export function mediaList(names: string[]): Uint8Array {
  const writer = new BinaryWriter();
  for (const name of names) writer.tag(1, 2).fork().tag(1, 2).string(name).tag(2, 0).uint32(1).join();
  return writer.finish();
}

export async function apkg21b(
  spec: CollectionSpec,
  media: Record<string, Uint8Array> = {},
): Promise<Uint8Array> {
  const names = Object.keys(media);
  const files: Record<string, Uint8Array> = {
    meta: new Uint8Array([0x08, 0x03]),
    'collection.anki21b': zstdFrame(await buildCollection(spec, addSchema18)),
    'collection.anki2': await buildCollection({
      notes: [
        { id: 1, guid: 'stub', mid: MODEL.basic, fields: ['Please update to the latest Anki version', ''] },
      ],
    }),
    media: zstdFrame(mediaList(names)),
  };
  names.forEach((name, i) => {
    files[String(i)] = zstdFrame(media[name] ?? new Uint8Array());
  });
  return zipPackage(files);
}
