import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ImportAnswer, ImportAsk, ImportReply } from '../../../src/features/transfer/importMessages';
import { createImportReader } from '../../../src/features/transfer/importReader';
import { blobText } from '../../helpers/blobText';
import { freshDb, T0 } from '../../helpers/builders';

const BAD = 30_000;

describe('skipped rows beyond the listed ones (the import worker logic, called directly)', () => {
  it('sends the page the first 100 and the count, and builds a CSV of all 30,000', {
    timeout: 60_000,
  }, async () => {
    const db = await freshDb();
    const reader = createImportReader(() => db);
    let id = 0;
    const ask = async (question: ImportAsk): Promise<ImportAnswer> => {
      const replies: ImportReply[] = [];
      await reader.handle(++id, question, (r) => replies.push(r));
      const last = replies.at(-1);
      if (last?.type !== 'answer') throw new Error(`no answer: ${JSON.stringify(last)}`);
      return last.answer;
    };
    const good = Array.from({ length: 10 }, (_, i) => `q${i};a${i}`);
    const bad = Array.from({ length: BAD }, (_, i) => `bad${i};`);
    const text = `front;back\n${[...good, ...bad].join('\n')}\n`;

    const read = await ask({ type: 'read', file: new File([text], 'many.csv'), media: [] });
    if (read.type !== 'read' || read.file.kind !== 'csv') throw new Error('not read as a CSV');
    const deck = await ask({ type: 'csvDeck', format: read.file.preview.format });
    if (deck.type !== 'csvDeck' || !deck.read.ok) throw new Error('no deck');
    const options = { deckId: deck.read.deck.deckId, title: 'Many', missing: 'keep' as const };
    const preview = await ask({ type: 'previewDeck', options, now: T0 });
    if (preview.type !== 'deckImport' || !preview.result.ok) throw new Error('no preview');
    expect(preview.result.summary.skipped).toHaveLength(100);
    expect(preview.result.summary.skippedCount).toBe(BAD);
    expect(preview.result.summary.added).toBe(10);

    const csv = await ask({ type: 'skippedCsv' });
    if (csv.type !== 'skippedCsv') throw new Error('no CSV');
    expect(csv.csv.type).toBe('text/csv');
    const rows = Papa.parse<string[]>(await blobText(csv.csv), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(BAD + 1);
    expect(rows[0]).toEqual(['where', 'reason']);
    // Every skipped row is there once, in file order, naming its line (lines 12 … 30,011).
    expect(rows[1]?.[0]).toMatch(/line 12\b/);
    expect(rows[BAD]?.[0]).toMatch(/line 30,?011\b/);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(BAD);

    // After the import is written, the download is still the full list.
    const commit = await ask({ type: 'commitDeck', options, now: T0 });
    if (commit.type !== 'deckImport' || !commit.result.ok) throw new Error('no import');
    expect(commit.result.summary.skipped).toHaveLength(100);
    const after = await ask({ type: 'skippedCsv' });
    if (after.type !== 'skippedCsv') throw new Error('no CSV');
    expect((await blobText(after.csv)).trim().split('\n')).toHaveLength(BAD + 1);
  });
});
