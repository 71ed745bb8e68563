/**
 * The import reader: reads a chosen file's bytes, decodes, parses and validates it (readImportFile.ts, which
 * calls the pure readers of src/domain/transfer), and answers with plain data. The same code runs in the import
 * worker (importWorker.ts) and, where there is no Worker (jsdom), in the page (importSession.ts). It keeps the
 * last CSV read, so the column step can re-split it and build the deck without sending the text back and forth.
 */
import type { HeaderSplit } from '../../domain/transfer/csv/ankiTextHeaders';
import type { Grid } from '../../domain/transfer/csv/parseGrid';
import { type CsvFormat, deckFromCsv, gridFor } from '../../domain/transfer/csv/readCsv';
import {
  bigArraysOf,
  type CsvPreview,
  type ImportAnswer,
  type ImportAsk,
  type ImportReply,
  PREVIEW_ROWS,
} from './importMessages';
import { readFileBytes } from './readFileBytes';
import { readImportFile } from './readImportFile';

/** Rows per chunk message: small enough that the page unpacks each one in a few milliseconds. */
export const CHUNK_ROWS = 2000;

export type Post = (reply: ImportReply) => void;

export type ImportReader = { handle: (id: number, ask: ImportAsk, post: Post) => Promise<void> };

export function createImportReader(): ImportReader {
  let csv: { fileName: string; split: HeaderSplit } | undefined;

  const answer = async (id: number, ask: ImportAsk, post: Post): Promise<ImportAnswer> => {
    if (ask.type === 'read') {
      csv = undefined;
      const { file, keys } = ask;
      const bytes = await readFileBytes(file, (done, total) =>
        post({ id, type: 'progress', progress: { stage: 'reading', done, total } }),
      );
      if (!bytes.ok) return { type: 'read', file: { kind: 'failed', failure: bytes } };
      post({ id, type: 'progress', progress: { stage: 'checking', done: 0, total: 0 } });
      const read = await readImportFile(file.name, bytes.bytes, keys);
      if (read.kind !== 'csv') return { type: 'read', file: read };
      const { inspection } = read;
      csv = { fileName: read.fileName, split: inspection.split };
      return {
        type: 'read',
        file: {
          kind: 'csv',
          fileName: read.fileName,
          preview: previewOf(inspection.grid, inspection.format, inspection.split),
        },
      };
    }
    if (!csv) throw new Error('no CSV file has been read');
    const { fileName, split } = csv;
    post({ id, type: 'progress', progress: { stage: 'checking', done: 0, total: 0 } });
    if (ask.type === 'csvPreview')
      return {
        type: 'csvPreview',
        preview: previewOf(gridFor(fileName, split, ask.format), ask.format, split),
      };
    return { type: 'csvDeck', read: deckFromCsv(fileName, split, ask.format) };
  };

  return {
    async handle(id, ask, post) {
      try {
        sendAnswer(id, await answer(id, ask, post), post);
      } catch (e) {
        post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}

/** Sends the big arrays in chunks, with progress, then the answer with those arrays emptied. */
function sendAnswer(id: number, answer: ImportAnswer, post: Post) {
  const big = bigArraysOf(answer);
  const total = big.reduce((n, b) => n + b.items.length, 0);
  let done = 0;
  for (const { key, items, put } of big) {
    put([]);
    for (let start = 0; start < items.length; start += CHUNK_ROWS) {
      const chunk = items.slice(start, start + CHUNK_ROWS);
      post({ id, type: 'chunk', key, items: chunk });
      done += chunk.length;
      if (total > CHUNK_ROWS)
        post({ id, type: 'progress', progress: { stage: 'handing-over', done, total } });
    }
  }
  post({ id, type: 'answer', answer });
}

function previewOf(grid: Grid, format: CsvFormat, split: HeaderSplit): CsvPreview {
  return {
    format,
    headers: split.headers,
    rowCount: grid.rows.length,
    rows: grid.rows.slice(0, PREVIEW_ROWS),
  };
}
