/**
 * Cardinal's .apkg export checked against what Anki's own code requires of a schema-11 package. There is no Anki
 * binary on this machine, so each rule is taken from Anki's source (ankitects/anki @ c32cb29, August 2026, paths
 * below) and from the packages Anki itself wrote (tests/fixtures/anki/). The export was not opened in a real Anki.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncDeck } from '../../src/db/deckInstall';
import { recordAnswer } from '../../src/db/reviewRepo';
import { loadApkgExport } from '../../src/db/transfer/apkgExportData';
import { ankiSortText } from '../../src/domain/transfer/anki/ankiChecksum';
import { buildApkg } from '../../src/domain/transfer/anki/writeApkg';
import { loadSql } from '../domain/transfer/anki/ankiPackageBuilder';
import { basic, DAY, freshDb, MINUTE, makeDeck, T0 } from '../helpers/builders';
import { SETTINGS } from '../helpers/items';

const NOW = T0 + 2 * DAY;
type Json = Record<string, unknown>;
type Package = { files: Record<string, Uint8Array>; db: Database; col: Json };

async function open(bytes: Uint8Array): Promise<Package> {
  const files = unzipSync(bytes);
  const collection = files['collection.anki21'];
  if (!collection) throw new Error('no collection.anki21');
  const db = new (await loadSql()).Database(collection);
  return { files, db, col: rowsOf(db, 'SELECT * FROM col')[0] ?? {} };
}

function rowsOf(db: Database, sql: string): Json[] {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])));
}

const json = (col: Json, key: string) => JSON.parse(String(col[key])) as Record<string, Json>;
const keysOf = (objects: Json[]) => new Set(objects.flatMap((o) => Object.keys(o)));
/** A table's or index's DDL with case, spacing and comments normalised. */
const ddl = (db: Database) =>
  rowsOf(db, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").map(
    (r) => ({
      ...r,
      sql: String(r.sql)
        .replace(/\/\*.*?\*\//g, '')
        .replace(/--[^\n]*/g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([(),])\s*/g, '$1')
        .toLowerCase(),
    }),
  );
/** rslib/src/notes/mod.rs field_checksum: the first 4 bytes of SHA-1, big-endian (computed here with node's). */
const sha1Prefix = (text: string) => createHash('sha1').update(text, 'utf8').digest().readUInt32BE(0);

let ours: Package;
let anki: Package;
let cardCount = 0;

beforeAll(async () => {
  const deck = makeDeck();
  deck.cards = [
    ...deck.cards,
    basic('rich', {
      front: 'Café & co',
      frontHtml: '<b>Caf&eacute;</b>&nbsp;&amp; <img src="cafe.png"> co',
      back: 'B',
    }),
    basic('numeric', { front: '42', back: 'the answer' }),
  ];
  deck.cards[0] = { ...basic('a.one'), tags: ['one', 'two'] } as (typeof deck.cards)[number];
  cardCount = deck.cards.length;
  const db = await freshDb();
  await syncDeck(db, deck, T0, { shipped: false });
  await db.media.put({
    deckId: 'test-deck',
    name: 'cafe.png',
    type: 'image/png',
    bytes: new Uint8Array([9]),
  });
  const answer = (itemId: string, rating: 1 | 3, at: number) =>
    recordAnswer(db, 'test-deck', itemId, { rating, now: at, durationMs: 4000, source: 'review' }, SETTINGS);
  await answer('a.one#1', 3, T0 + MINUTE);
  await answer('a.two#2', 1, T0 + 2 * MINUTE);
  await answer('a.one#1', 3, T0 + DAY);
  const input = await loadApkgExport(db, 'test-deck', true, NOW);
  if (!input) throw new Error('no deck');
  ours = await open(await buildApkg(await loadSql(), input));
  anki = await open(readFileSync(join(import.meta.dirname, '../fixtures/anki/mixed-notetypes.anki21.apkg')));
});

describe('the .apkg export meets what Anki requires of a schema-11 package', () => {
  it('has the zip entries of Anki’s legacy-2 export: meta, collection.anki21, media and numbered files', () => {
    // rslib/src/import_export/package/meta.rs: `meta` is PackageMetadata { version }; Legacy2 (= 2) reads
    // collection.anki21 (a missing meta means the same when collection.anki21 is there).
    expect([...(ours.files.meta ?? [])]).toEqual([...(anki.files.meta ?? [])]);
    expect([...(ours.files.meta ?? [])]).toEqual([0x08, 0x02]);
    // rslib/src/import_export/package/media.rs: legacy packages carry `media` as a JSON map "0" → file name,
    // each file stored under its number.
    const map = JSON.parse(new TextDecoder().decode(ours.files.media)) as Record<string, string>;
    expect(map).toEqual({ 0: 'cafe.png' });
    expect([...(ours.files['0'] ?? [])]).toEqual([9]);
  });

  it('creates exactly the tables and indexes of Anki’s schema 11', () => {
    // rslib/src/storage/schema11.sql, as in the collection Anki wrote.
    expect(ddl(ours.db)).toEqual(ddl(anki.db));
  });

  it('writes the col row as Anki does: id 1, ver 11, crt in seconds, mod and scm in ms, usn 0', () => {
    // rslib/src/storage/upgrades/mod.rs opens schema 11 to 18 (SCHEMA_MIN_VERSION 11) and upgrades from `ver`.
    expect(ours.col).toMatchObject({ id: 1, ver: 11, dty: 0, usn: 0, ls: 0, tags: '{}' });
    expect(ours.col.crt).toBeLessThan(10_000_000_000);
    expect(ours.col.crt).toBeLessThanOrEqual(Math.floor(T0 / 1000));
    expect(ours.col.mod).toBe(NOW);
    expect(ours.col.scm).toBe(NOW);
    expect(typeof anki.col.crt === 'number' && anki.col.crt < 10_000_000_000).toBe(true);
  });

  it('has every key Anki’s schema-11 JSON parsers require, and no key the real export lacks', () => {
    // rslib/src/notetype/schema11.rs NotetypeSchema11 (keys without #[serde(default)]), NoteFieldSchema11,
    // CardTemplateSchema11; rslib/src/decks/schema11.rs DeckCommonSchema11, DeckTodaySchema11,
    // NormalDeckSchema11; rslib/src/deckconfig/schema11.rs DeckConfSchema11, NewConfSchema11, RevConfSchema11,
    // LapseConfSchema11. A missing one fails the upgrade to schema 15 (rslib/src/storage/upgrades/mod.rs), so
    // Anki could not open the package.
    const required = {
      model: ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'],
      field: ['name', 'ord', 'sticky', 'rtl', 'font', 'size'],
      template: ['name', 'ord', 'qfmt'],
      deck: [
        'id',
        'name',
        'usn',
        'lrnToday',
        'revToday',
        'newToday',
        'timeToday',
        'collapsed',
        'dyn',
        'conf',
      ],
      dconf: ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse'],
      dconfNew: ['delays', 'initialFactor', 'ints', 'order', 'perDay'],
      dconfRev: ['ease4', 'ivlFct', 'maxIvl', 'perDay'],
      dconfLapse: ['delays', 'leechAction', 'leechFails', 'minInt', 'mult'],
    };
    const parts = (p: Package) => {
      const models = Object.values(json(p.col, 'models'));
      const dconf = Object.values(json(p.col, 'dconf'));
      return {
        model: models,
        field: models.flatMap((m) => m.flds as Json[]),
        template: models.flatMap((m) => m.tmpls as Json[]),
        deck: Object.values(json(p.col, 'decks')),
        dconf,
        dconfNew: dconf.map((c) => c.new as Json),
        dconfRev: dconf.map((c) => c.rev as Json),
        dconfLapse: dconf.map((c) => c.lapse as Json),
        conf: [JSON.parse(String(p.col.conf)) as Json],
      };
    };
    const mine = parts(ours);
    const real = parts(anki);
    for (const [part, keys] of Object.entries(required)) {
      const objects = mine[part as keyof typeof mine];
      expect(objects.length, part).toBeGreaterThan(0);
      for (const o of objects) expect(Object.keys(o), part).toEqual(expect.arrayContaining(keys));
      // The list above is right: Anki's own export has these keys too.
      for (const o of real[part as keyof typeof real])
        expect(Object.keys(o), part).toEqual(expect.arrayContaining(keys));
    }
    // Nothing of ours is unknown to Anki: every key we write is one Anki's own export writes.
    for (const part of Object.keys(mine) as Array<keyof typeof mine>)
      expect(
        [...keysOf(mine[part])].filter((k) => !keysOf(real[part]).has(k)),
        part,
      ).toEqual([]);
    // rslib/src/storage/deckconfig/mod.rs and the notetype/deck upgrades key objects by id: key and id agree.
    for (const key of ['models', 'decks', 'dconf'])
      for (const [id, o] of Object.entries(json(ours.col, key))) expect(String(o.id), key).toBe(id);
    // Deck names are unique (rslib/src/decks/name.rs); every "::" parent is itself a deck.
    const names = mine.deck.map((d) => String(d.name));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) if (n.includes('::')) expect(names).toContain(n.slice(0, n.lastIndexOf('::')));
  });

  it('writes notes.sfld and notes.csum as Anki computes them (no longer csum 0)', () => {
    // rslib/src/notes/mod.rs prepare_for_update: sfld = strip_html_preserving_media_filenames(first field);
    // csum = field_checksum(same) = first 8 hex digits of its SHA-1 as an integer; rslib/src/text.rs.
    const notes = rowsOf(ours.db, 'SELECT guid, flds, sfld, csum, tags, mod, usn FROM notes');
    expect(notes.length).toBe(cardCount);
    for (const n of notes) {
      const first = String(n.flds).split('\u001f')[0] ?? '';
      expect(String(n.sfld)).toBe(ankiSortText(first));
      expect(n.csum).toBe(sha1Prefix(ankiSortText(first)));
      expect(n.csum).not.toBe(0);
      // notes.mod is in seconds; tags are space-separated with a space on each side (rslib/src/notes/mod.rs).
      expect(n.mod).toBe(Math.floor(NOW / 1000));
      expect(String(n.tags)).toMatch(/^$|^ (\S+ )+$/);
    }
    const rich = notes.find((n) => n.guid === 'rich');
    expect(rich?.sfld).toBe('Café &  cafe.png  co');
    // sfld is an integer column (schema11.sql: numbers sort numerically): "42" is stored as the number 42.
    expect(notes.find((n) => n.guid === 'numeric')?.sfld).toBe(42);
    expect(notes.find((n) => n.guid === 'a.one')?.tags).toBe(' one two ');
    // The same rules reproduce every sfld and csum of the package Anki wrote.
    const real = rowsOf(anki.db, 'SELECT flds, sfld, csum, mid FROM notes');
    const sortf = new Map(
      Object.values(json(anki.col, 'models')).map((m) => [String(m.id), Number(m.sortf)]),
    );
    for (const n of real) {
      const fields = String(n.flds).split('\u001f');
      expect(n.csum).toBe(sha1Prefix(ankiSortText(fields[0] ?? '')));
      expect(String(n.sfld)).toBe(ankiSortText(fields[sortf.get(String(n.mid)) ?? 0] ?? ''));
    }
  });

  it('gives each note its note type’s field count, and each card a template, deck and note that exist', () => {
    // rslib/src/notes/mod.rs prepare_for_update: "note has {} fields, expected {}".
    const models = json(ours.col, 'models');
    for (const n of rowsOf(ours.db, 'SELECT mid, flds FROM notes'))
      expect(String(n.flds).split('\u001f').length).toBe(
        (models[String(n.mid)]?.flds as Json[] | undefined)?.length,
      );
    // rslib/src/import_export/package/apkg/import/cards.rs maps cards to imported notes, decks and templates.
    const decks = json(ours.col, 'decks');
    const cards = rowsOf(
      ours.db,
      'SELECT cards.*, notes.mid FROM cards JOIN notes ON notes.id = cards.nid ORDER BY cards.id',
    );
    expect(cards.length).toBe(rowsOf(ours.db, 'SELECT id FROM cards').length);
    for (const c of cards) {
      expect(decks[String(c.did)], `deck ${c.did}`).toBeDefined();
      const model = models[String(c.mid)];
      if (model?.type === 0) expect(Number(c.ord)).toBeLessThan((model.tmpls as Json[]).length);
      // cards.mod in seconds; odue/odid 0 outside filtered decks.
      expect(c).toMatchObject({ mod: Math.floor(NOW / 1000), odue: 0, odid: 0 });
    }
    // rslib/src/dbcheck.rs maybe_fix_invalid_ids (run on every imported package): ids later than tomorrow are
    // rewritten; ours are ms timestamps no later than the export.
    for (const table of ['notes', 'cards', 'revlog'])
      for (const r of rowsOf(ours.db, `SELECT id FROM ${table}`))
        expect(Number(r.id)).toBeLessThan(NOW + DAY);
  });

  it('writes review cards with due in days since crt and learning cards with due in seconds', () => {
    // rslib/src/import_export/package/apkg/import/cards.rs shift_collection_relative_dates: review-queue due is
    // days since the collection's creation (crt); rslib/src/card/mod.rs: learning (queue 1) due is epoch seconds.
    const crt = Number(ours.col.crt);
    for (const c of rowsOf(ours.db, 'SELECT type, queue, due, ivl FROM cards')) {
      if (c.queue === 2) {
        expect(Number(c.due)).toBeGreaterThanOrEqual(0);
        expect(crt + Number(c.due) * 86_400).toBeLessThan(NOW / 1000 + 400 * 86_400);
        expect(Number(c.ivl)).toBeGreaterThan(0);
      }
      if (c.queue === 1) expect(Number(c.due)).toBeGreaterThan(crt);
    }
    expect(rowsOf(ours.db, 'SELECT id FROM cards WHERE queue = 2').length).toBeGreaterThan(0);
    // rslib/src/revlog/mod.rs: revlog id = answer time in ms, cid an existing card, ease 1–4, type 0–5.
    const revlog = rowsOf(
      ours.db,
      'SELECT revlog.*, cards.id AS card FROM revlog LEFT JOIN cards ON cards.id = revlog.cid',
    );
    expect(revlog.length).toBe(3);
    for (const r of revlog) {
      expect(r.card).toBe(r.cid);
      expect([1, 2, 3, 4]).toContain(r.ease);
      expect([0, 1, 2, 3, 4, 5]).toContain(r.type);
      expect(Number(r.id)).toBeGreaterThan(T0 - 1);
    }
  });
});
