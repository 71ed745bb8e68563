// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PACKAGE_BYTES, megabytes } from '../../../../src/domain/transfer/anki/limits';
import { type ApkgOptions, readApkg } from '../../../../src/domain/transfer/anki/readApkg';
import { apkg, buildCollection, DECK, loadSql, MODEL, zipPackage } from './ankiPackageBuilder';
import { patchCentralEntry } from './zipPatch';

const opts: ApkgOptions = { deckId: 'imported', deckTitle: 'Imported', loadSql, includeHistory: true };
const note = { id: 1, guid: 'g', mid: MODEL.basic, fields: ['front', 'back'] };

async function problemsOf(bytes: Uint8Array, options: Partial<ApkgOptions> = {}) {
  const result = await readApkg('deck.apkg', bytes, { ...opts, ...options });
  if (result.ok) throw new Error('expected the package to be refused');
  expect(result.fileName).toBe('deck.apkg');
  return result.problems;
}

describe('readApkg refuses bad packages, naming the file', () => {
  it('an empty file', async () => {
    expect(await problemsOf(new Uint8Array())).toEqual([{ where: 'deck.apkg', reason: 'is empty' }]);
  });

  it('a file that is not a zip', async () => {
    expect(await problemsOf(new TextEncoder().encode('front,back\nq,a\n'))).toEqual([
      {
        where: 'deck.apkg',
        reason: 'is not an Anki package (.apkg files are zip archives; this is not one)',
      },
    ]);
  });

  it('a zip without an Anki collection', async () => {
    expect(await problemsOf(zipPackage({ 'notes.txt': 'hello' }))).toEqual([
      {
        where: 'deck.apkg',
        reason:
          'is a zip file but not an Anki package: it has no collection.anki21b, collection.anki21 or collection.anki2 inside',
      },
    ]);
  });

  it('a file over the size limit, before reading it', async () => {
    const [problem] = await problemsOf(new Uint8Array(MAX_PACKAGE_BYTES + 1));
    expect(problem?.reason).toBe(
      `is ${megabytes(MAX_PACKAGE_BYTES)}, over the ${megabytes(MAX_PACKAGE_BYTES)} limit`,
    );
  });

  it('a zip whose directory declares more than 512 MB, before inflating anything', async () => {
    const zip = patchCentralEntry(await apkg({ notes: [note] }), 'collection.anki21', {
      size: 600 * 1024 * 1024,
    });
    expect(await problemsOf(zip)).toEqual([
      { where: 'deck.apkg', reason: 'would unpack to 600 MB, over the 512 MB limit' },
    ]);
  });

  it('a zip bomb with an absurd compression ratio', async () => {
    const zip = zipPackage({ 'collection.anki21': new Uint8Array(8 * 1024 * 1024) }, 9);
    const [problem] = await problemsOf(zip);
    expect(problem?.reason).toMatch(
      /^looks like a zip bomb: "collection.anki21" claims to unpack .* into 8 MB$/,
    );
  });

  it('a zip entry that unpacks to more than it declares', async () => {
    const zip = patchCentralEntry(await apkg({ notes: [note] }), 'collection.anki21', { size: 4096 });
    expect(await problemsOf(zip)).toEqual([
      {
        where: 'deck.apkg',
        reason: '"collection.anki21" unpacks to more than its declared size (a zip bomb or damaged file)',
      },
    ]);
  });

  it('a zip with the same entry twice', async () => {
    const collection = await buildCollection({ notes: [note] });
    const zip = patchCentralEntry(
      zipPackage({ 'collection.anki21': collection, 'collection.anki2X': collection }),
      'collection.anki2X',
      { newName: 'collection.anki21' },
    );
    expect(await problemsOf(zip)).toEqual([
      { where: 'deck.apkg', reason: 'contains "collection.anki21" twice (a damaged package)' },
    ]);
  });

  it('a password-protected package', async () => {
    const zip = patchCentralEntry(await apkg({ notes: [note] }), 'collection.anki21', { flags: 1 });
    expect(await problemsOf(zip)).toEqual([
      { where: 'deck.apkg', reason: '"collection.anki21" is password-protected' },
    ]);
  });

  it('a collection that is not SQLite', async () => {
    expect(await problemsOf(zipPackage({ 'collection.anki2': 'not a database' }))).toEqual([
      {
        where: 'deck.apkg (collection.anki2)',
        reason: 'is not an SQLite database, so not an Anki collection',
      },
    ]);
  });

  it('an SQLite file without the Anki tables', async () => {
    const SQL = await loadSql();
    const db = new SQL.Database();
    db.run('CREATE TABLE things (id integer)');
    const bytes = db.export();
    db.close();
    expect(await problemsOf(zipPackage({ 'collection.anki21': bytes }))).toEqual([
      {
        where: 'deck.apkg (collection.anki21)',
        reason: 'is not an Anki collection (no table col, notes, cards)',
      },
    ]);
  });

  it('a collection whose note types are damaged', async () => {
    const zip = await apkg({ notes: [note], models: { 1001: { name: 'Basic', flds: 'Front' } } });
    expect(await problemsOf(zip)).toEqual([
      {
        where: 'deck.apkg (collection.anki21)',
        reason: 'has a damaged col.models at "1001.flds": Invalid input: expected array, received string',
      },
    ]);
  });

  it('a package in which no note can be imported, listing why', async () => {
    const zip = await apkg({ notes: [{ ...note, fields: ['', 'back'] }] });
    expect(await problemsOf(zip)).toEqual([
      { where: 'deck.apkg', reason: 'has no notes that Cardinal can import' },
      { where: 'deck.apkg note 1', reason: 'field "Front" is empty (note type "Basic")' },
    ]);
  });

  it('an invalid deck id, with the deck validator’s message', async () => {
    // Notes only in Anki's "Default" deck: the deck id is the one given (from the file name).
    const inDefault = { ...note, cards: [{ id: 11, ord: 0, did: DECK.default }] };
    const problems = await problemsOf(await apkg({ notes: [inDefault] }), { deckId: 'Not Valid' });
    expect(problems).toEqual([
      {
        where: 'deck.apkg',
        reason: 'field "id": must be lowercase letters, digits, "." or "-", starting with a letter or digit',
      },
    ]);
  });

  it('says so when sql.js cannot start', async () => {
    const [problem] = await problemsOf(await apkg({ notes: [note] }), {
      loadSql: () => Promise.reject(new Error('no wasm')),
    });
    expect(problem?.reason).toBe('could not be read: the SQLite reader did not start (Error: no wasm)');
  });
});

describe('readApkg: the newest package format (collection.anki21b)', () => {
  it('names a damaged zstd collection, and never falls back to the stub collection.anki2', async () => {
    const stub = await buildCollection({
      notes: [
        {
          ...note,
          fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''],
        },
      ],
    });
    const zip = zipPackage({
      'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]),
      'collection.anki2': stub,
      meta: new Uint8Array([8, 3]),
    });
    expect(await problemsOf(zip)).toEqual([
      { where: 'deck.apkg', reason: '"collection.anki21b" is damaged (its zstd data is invalid or cut off)' },
    ]);
  });

  it('reads a real package exported by a recent Anki (it has no notes, and the stub is not read)', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../../fixtures/anki/empty.anki21b.apkg'));
    expect(await problemsOf(bytes)).toEqual([
      { where: 'deck.apkg', reason: 'has no notes that Cardinal can import' },
    ]);
  });
});

describe('readApkg: a truncated package', () => {
  it('says the file is incomplete and where it ends', async () => {
    const zip = await apkg({ notes: [note] });
    const cut = zip.subarray(0, 200);
    expect(await problemsOf(cut)).toEqual([
      {
        where: 'deck.apkg',
        reason:
          'the file is incomplete (ends at byte 200, before the end of its zip directory); download or copy it again',
      },
    ]);
  });
});
