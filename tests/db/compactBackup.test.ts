import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CardinalDb } from '../../src/db/database';
import { restoreBackup, tableKeys } from '../../src/db/transfer/backupRepo';
import { writeCompactBackup } from '../../src/db/transfer/compactBackup';
import type { BackupRead } from '../../src/domain/transfer/backup';
import { COMPACT_FORMAT_VERSION, readCompactBackup } from '../../src/domain/transfer/backupLines';
import { MAX_BACKUP_TEXT_BYTES } from '../../src/domain/transfer/limits';
import { readImportFile } from '../../src/features/transfer/readImportFile';
import { DAY, freshDb, T0 } from '../helpers/builders';
import { everyTable, populatedDb } from '../helpers/populatedDb';

const image = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => i % 256);

async function withMedia(): Promise<CardinalDb> {
  const db = await populatedDb();
  await db.media.bulkPut([{ deckId: 'test-deck', name: 'cat.png', type: 'image/png', bytes: image }]);
  return db;
}

/** Every table, media bytes as plain arrays (rows read back then compare by content). */
async function tablesOf(db: CardinalDb) {
  const { media, ...rest } = await everyTable(db);
  return {
    ...rest,
    media: (media as Array<{ bytes: Uint8Array }>).map((m) => ({ ...m, bytes: [...m.bytes] })),
  };
}

function joined(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The file's lines, to be changed and compressed again. */
async function fileLines(db: CardinalDb): Promise<string[]> {
  const { parts } = await writeCompactBackup(db, T0 + 10 * DAY);
  return new TextDecoder()
    .decode(gunzipSync(joined(parts)))
    .trimEnd()
    .split('\n');
}

const gz = (lines: string[]) => gzipSync(new TextEncoder().encode(`${lines.join('\n')}\n`));

function read(db: CardinalDb, bytes: Uint8Array, pieceSize = 7): Promise<BackupRead> {
  // In small pieces, as a File's stream gives them.
  const pieces = Array.from({ length: Math.ceil(bytes.length / pieceSize) }, (_, i) =>
    bytes.subarray(i * pieceSize, (i + 1) * pieceSize),
  );
  return readCompactBackup('backup.json.gz', pieces, tableKeys(db), MAX_BACKUP_TEXT_BYTES);
}

function problemsOf(result: BackupRead) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('compact backup (formatVersion 2: gzip, review logs as columns)', () => {
  it('export → restore into an empty database gives deep-equal tables, media bytes included', async () => {
    const db = await withMedia();
    const before = await tablesOf(db);
    const { parts, counts } = await writeCompactBackup(db, T0 + 10 * DAY);
    expect(counts).toMatchObject({ decks: 2, reviewLogs: 3, media: 1, exams: 1 });
    const result = await read(db, joined(parts));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.backup.formatVersion).toBe(COMPACT_FORMAT_VERSION);

    const target = await freshDb();
    await restoreBackup(target, result.backup, 'replace');
    expect(await tablesOf(target)).toEqual(before);
  });

  it('writes review logs as columns with their ids listed once', async () => {
    const db = await populatedDb();
    const logLine = (await fileLines(db)).find((l) => l.includes('"logs"')) ?? '';
    const { logs } = JSON.parse(logLine) as {
      logs: { n: number; strings: string[]; columns: Record<string, unknown[]> };
    };
    expect(logs.n).toBe(3);
    expect(logs.strings.filter((s) => s === 'test-deck')).toHaveLength(1);
    expect(logs.columns.rating).toEqual([3, 1, 2]);
  });

  it('a backup of some decks holds only their rows and cannot replace everything', async () => {
    const db = await populatedDb();
    const { parts, counts } = await writeCompactBackup(db, T0, { deckIds: ['other'] });
    expect(counts.reviewLogs).toBe(1);
    const result = await read(db, joined(parts));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.backup.deckIds).toEqual(['other']);
    await expect(restoreBackup(await freshDb(), result.backup, 'replace')).rejects.toThrow(/merged/);
  });

  it('a damaged gzip file is refused by name and reason', async () => {
    const db = await populatedDb();
    const bytes = gz(await fileLines(db));
    bytes[30] = (bytes[30] ?? 0) ^ 0xff;
    bytes[31] = (bytes[31] ?? 0) ^ 0xff;
    const [first] = problemsOf(await read(db, bytes));
    expect(first?.where).toBe('backup.json.gz file');
    expect(first?.reason).toMatch(/damaged/);
  });

  it('a file cut short is refused, whether the cut falls in the compression or between lines', async () => {
    const db = await populatedDb();
    const lines = await fileLines(db);
    const bytes = gz(lines);
    const [cut] = problemsOf(await read(db, bytes.subarray(0, Math.floor(bytes.length / 2))));
    expect(cut?.reason).toMatch(/damaged|cut short/);
    const [early] = problemsOf(await read(db, gz(lines.slice(0, -1))));
    expect(early?.reason).toMatch(/cut short/);
  });

  it('a wrong field names the table, row and field; a bad line names the line', async () => {
    const db = await populatedDb();
    const lines = await fileLines(db);
    const at = lines.findIndex((l) => l.includes('"logs"'));
    const chunk = JSON.parse(lines[at] ?? '') as { logs: { columns: Record<string, unknown[]> } };
    chunk.logs.columns.rating = [3, 9, 2];
    const wrong = [...lines];
    wrong[at] = JSON.stringify(chunk);
    const [rating] = problemsOf(await read(db, gz(wrong)));
    expect(rating?.where).toBe('backup.json.gz table "reviewLogs" row 2 field "rating"');

    chunk.logs.columns.rating = [3, 1];
    wrong[at] = JSON.stringify(chunk);
    const [short] = problemsOf(await read(db, gz(wrong)));
    expect(short?.where).toBe(`backup.json.gz line ${at + 1} field "logs.columns.rating"`);
    expect(short?.reason).toBe('has 2 values for 3 logs');

    wrong[at] = '{"table":"reviewLogs","logs":';
    const [json] = problemsOf(await read(db, gz(wrong)));
    expect(json?.where).toBe(`backup.json.gz line ${at + 1}`);
    expect(json?.reason).toMatch(/not JSON/);
  });

  it('a count in the last line that does not match the rows is refused', async () => {
    const db = await populatedDb();
    const lines = await fileLines(db);
    const end = JSON.parse(lines.at(-1) ?? '') as { end: Record<string, number> };
    end.end.cards = (end.end.cards ?? 0) + 1;
    const [problem] = problemsOf(await read(db, gz([...lines.slice(0, -1), JSON.stringify(end)])));
    expect(problem?.where).toBe('backup.json.gz table "cards"');
  });

  it('stops reading a file that inflates beyond the text limit', async () => {
    const db = await populatedDb();
    const bytes = gz(await fileLines(db));
    const result = await readCompactBackup('big.json.gz', [bytes], tableKeys(db), 100);
    expect(problemsOf(result)[0]?.reason).toMatch(/more than/);
  });

  it('a backup of the first format (formatVersion 1, plain JSON) still restores, media bytes included', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../fixtures/transfer/backup-v1.json'));
    const db = await populatedDb();
    const read = await readImportFile('backup-v1.json', new Uint8Array(bytes), tableKeys(db));
    if (read.kind !== 'backup') throw new Error(JSON.stringify(read));
    expect(read.backup.formatVersion).toBe(1);
    await db.reviewLogs.clear();
    await restoreBackup(db, read.backup, 'replace');
    expect(await db.reviewLogs.count()).toBe(3);
    expect((await db.decks.toArray()).map((d) => d.id)).toEqual(['other', 'test-deck']);
    const [media] = await db.media.toArray();
    expect([...(media?.bytes ?? [])]).toEqual([137, 80, 78, 71, 0, 255]);
  });

  it('reading a bad file leaves the stored data exactly as it was', async () => {
    const db = await populatedDb();
    const before = await everyTable(db);
    const lines = await fileLines(db);
    const bad = lines.map((l) => l.replace('"rating":[3,1,2]', '"rating":[3,1,"x"]'));
    problemsOf(await read(db, gz(bad)));
    problemsOf(await read(db, gz(lines).subarray(0, 40)));
    expect(await everyTable(db)).toEqual(before);
  });
});
