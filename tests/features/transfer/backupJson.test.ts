import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBackup } from '../../../src/domain/transfer/backup';
import { BASE64_PIECE_BYTES, backupJsonValue } from '../../../src/domain/transfer/backupMedia';
import { backupJsonBlobs, backupJsonTexts } from '../../../src/features/transfer/backupJson';

/** jsdom's Blob has no text(); FileReader reads it. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const tablesArb = fc.dictionary(
  fc.string(),
  fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 30 }),
  { maxKeys: 5 },
);

describe('backup JSON in pieces', () => {
  it('joins to exactly JSON.stringify of the backup, for any tables and envelope', () => {
    fc.assert(
      fc.property(
        tablesArb,
        fc.integer(),
        fc.option(fc.array(fc.string()), { nil: undefined }),
        (tables, at, deckIds) => {
          const backup = buildBackup(tables, at, deckIds);
          const joined = [...backupJsonTexts(backup)].map((p) => p.text).join('');
          expect(joined).toBe(JSON.stringify(backup));
        },
      ),
    );
  });

  it('splits a big table into pieces of a few thousand rows and reports the rows done', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => ({ id: i + 1, text: `row ${i}` }));
    const backup = buildBackup({ decks: [{ id: 'd' }], reviewLogs: rows }, 1_700_000_000_000);
    const progress: Array<[number, number]> = [];
    const blobs = await backupJsonBlobs(backup, (done, total) => progress.push([done, total]));
    expect(JSON.parse(await textOf(new Blob(blobs)))).toEqual(JSON.parse(JSON.stringify(backup)));
    expect(progress).toEqual([
      [2001, 4501],
      [4001, 4501],
      [4501, 4501],
    ]);
  });
});

describe('media in the backup JSON', () => {
  it('writes media bytes as base64, a large file in several pieces, joining to the one-piece JSON', () => {
    const big = Uint8Array.from({ length: BASE64_PIECE_BYTES * 2 + 1 }, (_, i) => (i * 13) % 256);
    const backup = buildBackup(
      {
        decks: [{ id: 'd' }],
        media: [
          { deckId: 'd', name: 'a.png', type: 'image/png', bytes: Uint8Array.of(0, 255, 128) },
          { deckId: 'd', name: 'b.mp3', type: 'audio/mpeg', bytes: big },
        ],
      },
      1_700_000_000_000,
    );
    const pieces = [...backupJsonTexts(backup)];
    expect(pieces.filter((p) => p.text.length >= BASE64_PIECE_BYTES).length).toBe(2);
    const joined = pieces.map((p) => p.text).join('');
    expect(joined).toBe(JSON.stringify(backupJsonValue(backup)));
    const media = (JSON.parse(joined) as { tables: { media: Array<{ bytes: string }> } }).tables.media;
    expect(media[0]).toEqual({ deckId: 'd', name: 'a.png', type: 'image/png', bytes: 'AP+A' });
    expect(media[1]?.bytes).toBe(Buffer.from(big).toString('base64'));
    // A media row counts as done once its last piece is written.
    expect(pieces.map((p) => p.rowsDone).at(-1)).toBe(3);
    expect(pieces.find((p) => p.text.startsWith('AP+A'))?.rowsDone).toBe(1);
  });

  it('pauses during a run of many small images too, and reports their progress', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      deckId: 'd',
      name: `icon${i}.png`,
      type: 'image/png',
      bytes: Uint8Array.from({ length: 600 }, (_, j) => (i + j) % 256),
    }));
    const backup = buildBackup({ decks: [{ id: 'd' }], media: rows }, 1_700_000_000_000);
    const progress: number[] = [];
    const blobs = await backupJsonBlobs(backup, (done) => progress.push(done));
    expect(JSON.parse(await textOf(new Blob(blobs)))).toEqual(
      JSON.parse(JSON.stringify(backupJsonValue(backup))),
    );
    // 300 rows of ~900 characters: a pause after every ~64 KB written.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
